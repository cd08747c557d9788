## النافذة الرئيسية: شريط القوائم وشريط الحالة واسم المُعلِّق واختصارات لوحة المفاتيح

menu-file = ملف
menu-edit = تحرير
menu-corpus = المدوّنة
menu-view = عرض
menu-help = مساعدة
menu-open-recent = فتح ملف حديث
menu-no-recent-files = لا ملفات حديثة
menu-clear-recent-files = مسح قائمة الملفات الحديثة
menu-export-annotations = تصدير التعليقات
export-csv = CSV (جداول البيانات)…
export-jsonl = JSON Lines…
export-w3c = W3C Web Annotation…
export-conll = CoNLL IOB2 (الكيانات الخارجية)…
export-wojood = CoNLL المتداخل (Wojood)…
export-brat = brat standoff (.ann)…
export-spacy = spaCy JSON Lines…
menu-team-mode = وضع الفريق
menu-team-mode-tip = حفظ تعليقاتك في ملف خاص بك بجوار المقالة (<article>.annotations.<your name>.json)
menu-typeface-for = الخط لمقالات { $language ->
        [fa] الفارسية
        [ur] الأردية
       *[ar] العربية
    }
menu-line-spacing = تباعد الأسطر
menu-theme = المظهر
menu-theme-light = فاتح
menu-theme-dark = داكن
menu-encoding = الترميز
menu-language = اللغة
menu-digits = الأرقام
menu-digits-automatic = كما تكتبها اللغة
menu-digits-western = غربية (0123456789)
menu-digits-arabic-indic = هندية (٠١٢٣٤٥٦٧٨٩)
menu-digits-persian = فارسية (۰۱۲۳۴۵۶۷۸۹)
menu-builtin-dialogs = استخدام نوافذ الملفات الخاصة بحاشية
menu-builtin-dialogs-tip = الفتح والحفظ والتصدير عبر نافذة حاشية بدلًا من نافذة سطح المكتب (وهي تحل محلها على أي حال إن لم تكن لسطح المكتب نافذة)
menu-reopen-with-encoding = إعادة الفتح بترميز
menu-detect-encoding = الكشف تلقائيًا ({ $encoding })
encoding-not-applicable = ملفات Word وRTF وPDF تحدد ترميز نصها بنفسها، فلا ينطبق عليها ترميز آخر.

language-name = { $language ->
        [fa] الفارسية
        [ur] الأردية
       *[ar] العربية
    }
status-opening = جارٍ فتح { $path }
status-no-article = لا مقالة مفتوحة
format-plain-text = نص عادي
status-language-tip = لغة مكتشفة من حروف المقالة؛ تُقرأ بخط { $face }
status-encoding-chosen = { $encoding } (مختار)
status-paragraph-of = الفقرة { $number } من { $count }
status-paragraphs = { PLURAL($count) ->
        [zero] لا فقرات
        [one] فقرة واحدة
        [two] فقرتان
        [few] { $count } فقرات
        [many] { $count } فقرة
       *[other] { $count } فقرة
    }
status-points = { $size } نقطة
status-annotations = التعليقات: { $state }
save-saved = محفوظة
save-unsaved = تغييرات غير محفوظة
save-saving = جارٍ الحفظ…
save-failed = لم تُحفظ: خطأ

author-window-title = اسم المُعلِّق
author-field-name = اسم المُعلِّق
author-explanation = يُسجَّل بوصفه كاتب التعليقات الجديدة.
author-placeholder = اسمك
button-done = تم
drop-to-open = أفلِت الملف لفتح المقالة

# أعداد تستعملها اختبارات قواعد الجمع.
articles-count = { PLURAL($count) ->
        [zero] لا مقالات
        [one] مقالة واحدة
        [two] مقالتان
        [few] { $count } مقالات
        [many] { $count } مقالة
       *[other] { $count } مقالة
    }
