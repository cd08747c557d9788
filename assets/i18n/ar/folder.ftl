## وضع المدوّنة: لوحة المجلد وقائمة مقالاته والبحث في كل المقالات

folder-close = إغلاق
folder-close-tip = إغلاق المجلد
folder-listing = جارٍ إعداد قائمة المقالات…
folder-indexing = جارٍ فهرسة المقالات: { $indexed } من { $total }
folder-summary = { PLURAL($count) ->
        [zero] لا مقالات
        [one] مقالة واحدة
        [two] مقالتان
        [few] { $count } مقالات
        [many] { $count } مقالة
       *[other] { $count } مقالة
    } · المُعلَّق عليها: { $annotated } من { $indexed }
folder-empty = لا توجد في هذا المجلد مقالات بصيغة txt أو md أو html أو docx.
folder-no-match = لا مقالة تطابق عبارة التصفية.
folder-filter = تصفية
folder-filter-name = تصفية المقالات
folder-filter-placeholder = العنوان أو اسم الملف
folder-sort = الترتيب
folder-sort-path = مسار الملف
folder-sort-title = العنوان
folder-sort-progress = الأقل تعليقًا أولًا
folder-sort-length = الأطول أولًا
folder-search = بحث
folder-search-name = البحث في كل المقالات
folder-search-placeholder = في كل المقالات، ثم Enter
folder-back = العودة إلى المقالات
folder-search-done = { PLURAL($count) ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    } في { PLURAL($articles) ->
        [zero] أي مقالة
        [one] مقالة واحدة
        [two] مقالتين
        [few] { $articles } مقالات
        [many] { $articles } مقالة
       *[other] { $articles } مقالة
    }
folder-search-done-more = { PLURAL($count) ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    } أو أكثر في { PLURAL($articles) ->
        [zero] أي مقالة
        [one] مقالة واحدة
        [two] مقالتين
        [few] { $articles } مقالات
        [many] { $articles } مقالة
       *[other] { $articles } مقالة
    }
folder-search-running = { PLURAL($count) ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    } حتى الآن (المقالات التي بُحث فيها: { $searched } من { $total })
folder-row-indexing = { $name } · قيد الفهرسة…
folder-row-unreadable = { $name } · تتعذّر قراءة الملف
folder-row-damaged = { $name } · { PLURAL($count) ->
        [zero] لا فقرات
        [one] فقرة واحدة
        [two] فقرتان
        [few] { $count } فقرات
        [many] { $count } فقرة
       *[other] { $count } فقرة
    } · ملف التعليقات تالف
folder-row-details = { $name } · { PLURAL($count) ->
        [zero] لا فقرات
        [one] فقرة واحدة
        [two] فقرتان
        [few] { $count } فقرات
        [many] { $count } فقرة
       *[other] { $count } فقرة
    } · المُعلَّق عليها: { $annotated }
folder-row-name = { $title }، { $details }
folder-row-name-uncommitted = { $title }، { $details }، { folder-uncommitted }
folder-uncommitted = تعليقات لم تُودَع بعد في git
folder-not-a-folder = ليس مجلدًا: { $path }
folder-last-article = هذه آخر مقالة في القائمة.
folder-first-article = هذه أول مقالة في القائمة.

## ملف ◂ استيراد حزمة…: نافذة الاستيراد والتقرير عند انتهائه

import-window-title = استيراد الحزم
import-bundle-of = الحزمة { $number } من { $count }
import-reading = جارٍ قراءة الحزمة…
import-article-of = المقالة { $number } من { $count }
import-written = { PLURAL($count) ->
        [zero] لم تُكتب أي مقالة
        [one] كُتبت مقالة واحدة
        [two] كُتبت مقالتان
        [few] كُتبت { $count } مقالات
        [many] كُتبت { $count } مقالة
       *[other] كُتبت { $count } مقالة
    }
import-into = إلى { $path }
import-cancelling = سيتوقف الاستيراد بعد هذه المقالة…
import-cancel = إلغاء
import-cancelled-none = أُلغي الاستيراد قبل كتابة أي مقالة؛ لم يُضف شيء إلى { $path }.
import-cancelled = أُلغي الاستيراد: كُتبت قبل توقفه { PLURAL($count) ->
        [one] مقالة واحدة
        [two] مقالتان
        [few] { $count } مقالات
        [many] { $count } مقالة
       *[other] { $count } مقالة
    } في { $path }، ومع كلٍّ منها ملف تعليقاتها المرافق.
import-cancelled-listed = أُلغي الاستيراد: كُتبت قبل توقفه { PLURAL($count) ->
        [one] مقالة واحدة
        [two] مقالتان
        [few] { $count } مقالات
        [many] { $count } مقالة
       *[other] { $count } مقالة
    } في { $path }، وهي مُدرجة في { $csv }، ومع كلٍّ منها ملف تعليقاتها المرافق.
import-done = استُوردت { PLURAL($count) ->
        [one] مقالة واحدة
        [two] مقالتان
        [few] { $count } مقالات
        [many] { $count } مقالة
       *[other] { $count } مقالة
    } إلى { $path }.
import-done-listed = استُوردت { PLURAL($count) ->
        [one] مقالة واحدة
        [two] مقالتان
        [few] { $count } مقالات
        [many] { $count } مقالة
       *[other] { $count } مقالة
    } إلى { $path }، وهي مُدرجة في { $csv }.
import-nothing = لم يُستورد شيء إلى { $path }.
import-renamed = لم يُستبدل أي ملف: { PLURAL($count) ->
        [zero] لم تُحفظ أي مقالة
        [one] حُفظت مقالة واحدة
        [two] حُفظت مقالتان
        [few] حُفظت { $count } مقالات
        [many] حُفظت { $count } مقالة
       *[other] حُفظت { $count } مقالة
    } باسم تليه اللاحقة { "\u2066-2, -3 …\u2069" } لأن ملفًا بالاسم نفسه كان موجودًا من قبل.
import-csv-kept = كان الملف articles.csv موجودًا من قبل فأُبقي عليه.
import-skipped-article = { $name }، المقالة { $number }: { $reason }
import-skipped-separator = { "؛ " }
import-skipped = تُخطّي: { $list }.
import-failed = تعذّر الاستيراد: { $error }
import-already-running = ثمة استيراد جارٍ بالفعل؛ انتظر انتهاءه أو ألغِه أولًا.
import-stopped = توقف الاستيراد: { $error }. المقالات التي كُتبت قبل ذلك موجودة في { $path }.
import-stopped-unexpectedly = توقف الاستيراد على نحو غير متوقع؛ المقالات التي كُتبت قبل ذلك موجودة في { $path }.

## البحث في المقالة (Ctrl+F)

search-find = بحث
search-placeholder = بحث يراعي خصائص العربية
search-no-matches = لا نتائج
search-position = { $current } من { $count }
search-previous = السابق
search-previous-tip = النتيجة السابقة (Shift+Enter)
search-next = التالي
search-next-tip = النتيجة التالية (Enter)
search-ta-marbuta = ة = ه
search-ta-marbuta-tip = مطابقة التاء المربوطة بالهاء أيضًا
search-close = إغلاق
