## لوحة التعليقات ولوحة الكيانات ومحرر الملاحظات، ورسائل التعليق والعمل على الكيانات

## لوحة التعليقات

panel-heading = التعليقات
panel-read-only = للقراءة فقط
panel-unavailable = التعليقات غير متاحة
panel-start-afresh = البدء من جديد
panel-start-afresh-tip = يُنقل الملف التالف جانبًا (ويُحتفظ به) ويُبدأ بلا تعليقات
panel-paragraph = الفقرة { $number }
panel-passage-in-paragraph = مقطع في الفقرة { $number }
panel-select-paragraph = حدِّد فقرة (بالنقر، أو بالمفتاحين j / k) للتعليق عليها.
panel-labels = الوسوم (المفاتيح 1–9)
panel-note = الملاحظة (n أو Enter للكتابة، وEsc للخروج)
panel-note-placeholder = اكتب ملاحظة…
panel-highlight = التظليل
panel-highlight-none = بلا
# اسم زر لون التظليل كما تقرؤه التقنيات المساعدة.
panel-highlight-color = تظليل { $color }
panel-delete-annotation = حذف التعليق (Del)
panel-all-annotations = جميع التعليقات ({ $count })
panel-orphaned = التعليقات اليتيمة ({ $count })
panel-orphaned-tip = لم يعد نصها موجودًا في المقالة؛ وقد احتُفظ بها مع آخر اقتباس لها.
panel-delete-orphan = حذف التعليق اليتيم

## تعارضات الدمج المحفوظة للتعليق المحدد

panel-merge-conflicts = { PLURAL($count) ->
        [one] تعارض دمج
        [two] تعارضا دمج
       *[other] تعارضات دمج
    } (t لأخذ القيمة الأخرى، وShift+T لإبقاء هذه القيمة)
panel-merge-conflicts-tip = عدَّلت النسختان كلتاهما هذا التعليق؛ فاحتُفظ بالتعديل الأحدث، وأُدرج الآخر هنا.
panel-conflict-in = تعارض في { $field }
panel-conflict-kept = القيمة المحفوظة: { $value }
panel-conflict-other = القيمة الأخرى: { $value }
panel-conflict-changed = عُدِّل في النسخة الأخرى بتاريخ { $when }
panel-conflict-changed-by = النسخة الأخرى: { $author }، { $when }
panel-take-other-key = أخذ القيمة الأخرى (t)
panel-keep-current-key = إبقاء القيمة الحالية (Shift+T)
panel-take-other = أخذ القيمة الأخرى
panel-keep-current = إبقاء القيمة الحالية
panel-field-labels = الوسوم
panel-field-note = الملاحظة
panel-field-color = لون التظليل
panel-field-passage = المقطع
panel-field-deletion = الحذف
panel-no-labels = بلا وسوم
panel-no-note = بلا ملاحظة
panel-no-colour = بلا لون
panel-conflict-kept-here = باقٍ كما عُدِّل هنا
panel-conflict-deleted-there = محذوف في النسخة الأخرى
panel-conflict-current = القيمة الحالية للحقل { $field }

## أعلى اللوحة: تصفية الفقرات والإحصاءات

panel-statistics = الإحصاءات
## رسائل التعليق

panel-afresh-kept = احتُفظ بملف التعليقات التالف باسم { $path }
# $what: ما لم يحدث، مثل «لم يتغيّر وضع الفريق».
panel-not-saved-first = { $what }: تعذّر حفظ تعليقات المقالة المفتوحة أولًا.
panel-team-mode-unchanged = لم يتغيّر وضع الفريق
panel-exported = { PLURAL($count) ->
        [zero] لم يُصدَّر أي تعليق إلى { $path }
        [one] تم تصدير تعليق واحد إلى { $path }
        [two] تم تصدير تعليقين إلى { $path }
        [few] تم تصدير { $count } تعليقات إلى { $path }
        [many] تم تصدير { $count } تعليقًا إلى { $path }
       *[other] تم تصدير { $count } تعليق إلى { $path }
    }
panel-export-write-failed = تعذّرت كتابة ملف التصدير ({ $error }): { $path }
panel-save-as-refused = لم يُحفظ هناك: كان الحفظ سيستبدل الملف الموجود، وهو ليس ملف تعليقات يستطيع هذا الإصدار قراءته ({ $error }). اختر اسمًا آخر.
panel-saved-to = حُفظت التعليقات في { $path }

## لوحة الكيانات

entity-deleted-passage = (مقطع محذوف)
entity-here = الكيانات هنا (من الخارجي إلى الداخلي)
entity-delete = حذف
entity-delete-tip = حذف هذا الكيان وعلاقاته (Del)
entity-relations = العلاقات
# تبدأ بعلامة من اليمين إلى اليسار (U+200F) لأن سائر السطر معزول.
entity-relation-row = {"\u200F"}{ $source } ← { $kind } ← { $target }
entity-delete-relation-tip = حذف هذه العلاقة
entity-none-yet = لا علاقات بعد
entity-relate-from = علاقة من { $source } إلى هذا المقطع، نوعها:
entity-cancel = إلغاء
entity-source-marked = هذا المقطع مصدرٌ لعلاقة: حدِّد المقطع الهدف.
entity-unmark = إلغاء العلامة (Esc)
entity-start-relation = بدء علاقة من هنا (m)
entity-start-relation-tip = يجعل هذا المقطع مصدرًا للعلاقة؛ ثم حدِّد المقطع الهدف واضغط مفتاح نوع العلاقة

## محرر الملاحظات

# اسم حقل الملاحظة كما تقرؤه التقنيات المساعدة.
note-name = الملاحظة

## رسائل العمل على الكيانات

spans-no-proclitic = لا سابقة تُفصل في أول هذا المقطع
spans-no-passages = لا مقاطع موسومة بعد
spans-select-passage-first = حدِّد مقطعًا موسومًا أولًا (بالنقر عليه، أو بالمفتاحين ] / [)، ثم اضغط m
spans-no-relation-types = لا أنواع علاقات في هذا المخطط: أضفها من تحرير ◂ مخطط الوسوم
spans-source-marked = حُدِّد مصدر العلاقة. حدِّد المقطع الهدف، ثم اضغط: { $keys }
# الفاصل بين عناصر قائمة في رسالة.
spans-separator = {"، "}
spans-select-target = حدِّد المقطع الهدف (مقطعًا موسومًا) لإتمام العلاقة
spans-relation-needs-two = تحتاج العلاقة إلى مقطعين: حدِّد المقطع الآخر (] / [)
spans-relation-added = أُضيفت العلاقة «{ $name }»
spans-not-utf8 = لم يُستورد شيء: النص ليس بترميز UTF-8 (بايت غير صالح عند الموضع { $offset }): { $path }
spans-read-failed = لم يُستورد شيء: تعذّرت قراءة الملف ({ $error }): { $path }
spans-import-failed = لم يُستورد شيء: { $error }
spans-imported = تم الاستيراد من { $path }: { PLURAL($entities) ->
        [zero] لا كيانات
        [one] كيان واحد
        [two] كيانان
        [few] { $entities } كيانات
        [many] { $entities } كيانًا
       *[other] { $entities } كيان
    } و{ PLURAL($relations) ->
        [zero] لا علاقات
        [one] علاقة واحدة
        [two] علاقتان
        [few] { $relations } علاقات
        [many] { $relations } علاقة
       *[other] { $relations } علاقة
    }
spans-imported-new-types = { $imported }؛ أنواع جديدة في المخطط: { $types }
spans-brat-text-failed = لم يُصدَّر شيء: تعذّرت كتابة ملف النص الذي يرافق brat ({ $error }): { $path }
spans-exported = { PLURAL($count) ->
        [zero] لم يُصدَّر أي مقطع إلى { $path }
        [one] تم تصدير مقطع واحد إلى { $path }
        [two] تم تصدير مقطعين إلى { $path }
        [few] تم تصدير { $count } مقاطع إلى { $path }
        [many] تم تصدير { $count } مقطعًا إلى { $path }
       *[other] تم تصدير { $count } مقطع إلى { $path }
    }
