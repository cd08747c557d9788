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
menu-typeface-amiri = Amiri (للنصوص المشكولة)
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

## تعليقات المقالة المفتوحة: إعادة الربط بالنص، ودمج الملف الذي على القرص، والحفظ

session-reattached = { PLURAL($count) ->
        [one] أُعيد ربط تعليق واحد بالمقالة المعدَّلة
        [two] أُعيد ربط تعليقين بالمقالة المعدَّلة
        [few] أُعيد ربط { $count } تعليقات بالمقالة المعدَّلة
        [many] أُعيد ربط { $count } تعليقًا بالمقالة المعدَّلة
       *[other] أُعيد ربط { $count } تعليق بالمقالة المعدَّلة
    }
session-reattached-fuzzy = { PLURAL($count) ->
        [one] أُعيد ربط تعليق واحد بالمقالة المعدَّلة
        [two] أُعيد ربط تعليقين بالمقالة المعدَّلة
        [few] أُعيد ربط { $count } تعليقات بالمقالة المعدَّلة
        [many] أُعيد ربط { $count } تعليقًا بالمقالة المعدَّلة
       *[other] أُعيد ربط { $count } تعليق بالمقالة المعدَّلة
    } ({ PLURAL($fuzzy) ->
        [one] واحد منها بأقرب تطابق
        [two] اثنان منها بأقرب تطابق
       *[other] { $fuzzy } منها بأقرب تطابق
    })
session-orphaned = { PLURAL($count) ->
        [one] تعذّر وضع تعليق واحد في النص، فحُفظ يتيمًا في لوحة التعليقات
        [two] تعذّر وضع تعليقين في النص، فحُفظا يتيمين في لوحة التعليقات
        [few] تعذّر وضع { $count } تعليقات في النص، فحُفظت يتيمة في لوحة التعليقات
        [many] تعذّر وضع { $count } تعليقًا في النص، فحُفظت يتيمة في لوحة التعليقات
       *[other] تعذّر وضع { $count } تعليق في النص، فحُفظت يتيمة في لوحة التعليقات
    }
session-sentence = { $parts }.
session-repaired-ids = { PLURAL($count) ->
        [one] كان تعليق واحد يشترك في معرّفه مع تعليق آخر، فأُعطي معرّفًا خاصًا به، حتى لا يغيّر تعديلُ أحدهما الآخرَ أو يحذفه.
        [two] كان تعليقان يشترك كلٌّ منهما في معرّفه مع تعليق آخر، فأُعطي كلٌّ منهما معرّفًا خاصًا به، حتى لا يغيّر تعديلُ أحدهما غيرَه أو يحذفه.
        [few] كانت { $count } تعليقات يشترك كلٌّ منها في معرّفه مع تعليق آخر، فأُعطي كلٌّ منها معرّفًا خاصًا به، حتى لا يغيّر تعديلُ أحدها غيرَه أو يحذفه.
        [many] كان { $count } تعليقًا يشترك كلٌّ منها في معرّفه مع تعليق آخر، فأُعطي كلٌّ منها معرّفًا خاصًا به، حتى لا يغيّر تعديلُ أحدها غيرَه أو يحذفه.
       *[other] كان { $count } تعليق يشترك كلٌّ منها في معرّفه مع تعليق آخر، فأُعطي كلٌّ منها معرّفًا خاصًا به، حتى لا يغيّر تعديلُ أحدها غيرَه أو يحذفه.
    }
session-kept-copy = { $text } ونسخة ملف التعليقات كما كان محفوظة في { $path }.
session-merge-new = جديدة
session-merge-changed = معدَّلة
session-merge-new-and-changed = { $added } جديدة و{ $updated } معدَّلة
session-merge-came-in = { PLURAL($count) ->
        [one] وصل من القرص تعليق واحد ({ $detail })
        [two] وصل من القرص تعليقان ({ $detail })
        [few] وصلت من القرص { $count } تعليقات ({ $detail })
        [many] وصل من القرص { $count } تعليقًا ({ $detail })
       *[other] وصل من القرص { $count } تعليق ({ $detail })
    }
session-merge-removed = { PLURAL($count) ->
        [one] حُذف هناك تعليق واحد
        [two] حُذف هناك تعليقان
        [few] حُذفت هناك { $count } تعليقات
        [many] حُذف هناك { $count } تعليقًا
       *[other] حُذف هناك { $count } تعليق
    }
session-merge-conflicts = { PLURAL($count) ->
        [one] أُبقي تعارض واحد في اللوحة
        [two] أُبقي تعارضان في اللوحة
        [few] أُبقيت { $count } تعارضات في اللوحة
        [many] أُبقي { $count } تعارضًا في اللوحة
       *[other] أُبقي { $count } تعارض في اللوحة
    }
session-no-file = لم يُحفظ: ليس للمقالة ملف
session-unavailable = التعليقات غير متاحة
session-rewritten = حذف برنامج آخر ملف التعليقات، وتجري كتابته من جديد: { $path }
session-not-saving = لا حفظ، حمايةً للنسخة الأخرى: { $error }
