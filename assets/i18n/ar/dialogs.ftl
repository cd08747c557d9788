## عنوان النافذة ورسائلها ونافذة الأعطال ونوافذ الملفات وعرض التطبيق الافتراضي ونافذة مخطط الوسوم

## النافذة

window-title = حاشية
window-title-article = { $title } — { $name } — حاشية
window-sample-article = المقالة النموذجية
window-empty-folder = لا مقالات في هذا المجلد. يمكنك اختيار مجلد آخر من المدوّنة > فتح مجلد…
window-choose-article = اختر مقالة من القائمة (Ctrl+Page Down يفتح أولاها)
window-open-article-hint = افتح مقالة من ملف > فتح…، أو أفلِتها هنا
window-close = إغلاق النافذة
window-fold = طيّ النافذة إلى شريط عنوانها
window-unfold = بسط النافذة

## الرسائل فوق المقالة

message-dismiss = إخفاء
message-undecodable-bytes = { PLURAL($count) ->
        [one] تعذّر فك ترميز تسلسل بايتات واحد في هذا الملف ({ $encoding })، وهو معروض على هيئة �: { $path }
        [two] تعذّر فك ترميز تسلسلَي بايتات في هذا الملف ({ $encoding })، وهما معروضان على هيئة �: { $path }
       *[other] تعذّر فك ترميز { $count } من تسلسلات البايتات في هذا الملف ({ $encoding })، وهي معروضة على هيئة �: { $path }
    }
message-long-paragraphs = { PLURAL($count) ->
        [one] عُرضت فقرة طويلة جدًا في أجزاء لا يتجاوز كلٌّ منها { $size } KiB.
        [two] عُرضت فقرتان طويلتان جدًا في أجزاء لا يتجاوز كلٌّ منها { $size } KiB.
        [few] عُرضت { $count } فقرات طويلة جدًا في أجزاء لا يتجاوز كلٌّ منها { $size } KiB.
        [many] عُرضت { $count } فقرةً طويلةً جدًا في أجزاء لا يتجاوز كلٌّ منها { $size } KiB.
       *[other] عُرضت { $count } فقرة طويلة جدًا في أجزاء لا يتجاوز كلٌّ منها { $size } KiB.
    }
message-several-dropped = أُفلِتت عدة ملفات؛ سيُفتح أولها.
message-name-applies-next = يسري الاسم الجديد ابتداءً من المقالة التالية
message-close-copy-kept = تعذّر حفظ تعليقاتك بجوار المقالة، فاحتُفظ بنسخة منها في { $path } — استخدم ملف > حفظ التعليقات باسم… لحفظها حيث تريد، أو أغلق النافذة مرة أخرى للخروج.
message-close-not-saved = تعذّر حفظ تعليقاتك — استخدم ملف > حفظ التعليقات باسم…، أو أغلق النافذة مرة أخرى للخروج من دونها.
message-sample-no-annotators = ليست للمقالة النموذجية ملفات مُعلِّقين.
message-annotator-file-unreadable = تعذّرت قراءة ملف أحد المُعلِّقين: { $problem }
message-open-folder-first = افتح مجلدًا أولًا (المدوّنة > فتح مجلد).
message-switch-not-saved = تعذّر حفظ تعليقات المقالة المفتوحة، لذا تبقى مفتوحة: استخدم ملف > حفظ التعليقات باسم… للاحتفاظ بها في مكان آخر، أو افتح المقالة الأخرى مرة ثانية لتُترك التعليقات في نسخة استرداد.
message-switch-copy-kept = تعذّر حفظ تعليقات المقالة السابقة بجوارها؛ احتُفظ بنسخة منها في { $path }.
message-switch-not-saved-anywhere = تعذّر حفظ تعليقات المقالة المفتوحة في أي مكان، لذا تبقى مفتوحة: استخدم ملف > حفظ التعليقات باسم…
message-loading-stopped = توقف التحميل على نحو غير متوقع: { $path }
message-sample-no-encoding = ليس للمقالة النموذجية ترميز آخر.
message-encoding-not-applicable = { $reason } يبقى ملف { $format } هذا كما هو: { $path }
message-recent-file-gone = أُزيل من قائمة الملفات الحديثة لأنه لم يعد موجودًا: { $path }
message-stopped-opening = توقفت حاشية في المرة السابقة أثناء قراءة هذه المقالة، فلم تُفتح من جديد. يمكنك المحاولة مرة أخرى من ملف > فتح…: { $path }
message-stopped-indexing = توقفت حاشية في المرة السابقة أثناء فهرسة هذا المجلد، فلم يُعَد فتحه. يمكنك المحاولة مرة أخرى من المدوّنة > فتح مجلد…: { $path }
message-stopped-importing = توقفت حاشية في المرة السابقة أثناء استيراد هذه الحزمة. المقالات التي كُتبت قبل ذلك موجودة في المجلد؛ يمكنك المحاولة مرة أخرى من ملف > استيراد حزمة…: { $path }

## تغيُّر المقالة المفتوحة على القرص

watch-article-missing = لم تعد المقالة موجودة على القرص (نُقلت أو حُذفت). تبقى تعليقاتها كما هي، في الذاكرة وفي ملفها، وستُقرأ المقالة من جديد إن عادت: { $path }
watch-article-unreadable = تغيّرت المقالة على القرص لكن تعذّرت قراءتها من جديد، فبقي النص السابق معروضًا: { $error }
# ‏$orphaned و$fuzzy هما watch-reloaded-orphaned وwatch-reloaded-fuzzy، أو نص فارغ.
watch-reloaded = { PLURAL($count) ->
        [zero] تغيّرت المقالة على القرص فأُعيد تحميلها: لم يُعَد ربط أي تعليق{ $orphaned }{ $fuzzy }: { $path }
        [one] تغيّرت المقالة على القرص فأُعيد تحميلها: أُعيد ربط تعليق واحد{ $orphaned }{ $fuzzy }: { $path }
        [two] تغيّرت المقالة على القرص فأُعيد تحميلها: أُعيد ربط تعليقين{ $orphaned }{ $fuzzy }: { $path }
        [few] تغيّرت المقالة على القرص فأُعيد تحميلها: أُعيد ربط { $count } تعليقات{ $orphaned }{ $fuzzy }: { $path }
        [many] تغيّرت المقالة على القرص فأُعيد تحميلها: أُعيد ربط { $count } تعليقًا{ $orphaned }{ $fuzzy }: { $path }
       *[other] تغيّرت المقالة على القرص فأُعيد تحميلها: أُعيد ربط { $count } تعليق{ $orphaned }{ $fuzzy }: { $path }
    }
watch-reloaded-orphaned = { PLURAL($count) ->
        [one] ، وتعليق واحد يحتاج إلى انتباه (فقد موضعه، وهو مُدرَج في لوحة التعليقات)
        [two] ، وتعليقان يحتاجان إلى انتباه (فقدا موضعيهما، وهما مُدرَجان في لوحة التعليقات)
        [few] ، و{ $count } تعليقات تحتاج إلى انتباه (فقدت مواضعها، وهي مُدرَجة في لوحة التعليقات)
        [many] ، و{ $count } تعليقًا تحتاج إلى انتباه (فقدت مواضعها، وهي مُدرَجة في لوحة التعليقات)
       *[other] ، و{ $count } تعليق تحتاج إلى انتباه (فقدت مواضعها، وهي مُدرَجة في لوحة التعليقات)
    }
watch-reloaded-fuzzy = ، منها { $count } بمطابقة تقريبية

## نافذة الأعطال

crash-title = واجهت حاشية مشكلة
crash-explanation = حدث خطأ داخل حاشية، ولا بد من إيقافها.
crash-what-happened = ما الذي حدث:
crash-log-details = التفاصيل في السجل: { $path }
crash-run-from-terminal = شغِّل البرنامج من الطرفية مع RUST_LOG=debug لمعرفة التفاصيل.
crash-quit = إنهاء
crash-unexpected-error = خطأ غير متوقع
crash-already-saved = كانت تعليقاتك محفوظة من قبل.
crash-saved = حُفظت تعليقاتك.
crash-copy-kept = تعذّر حفظ تعليقاتك بجوار المقالة؛ توجد نسخة منها في { $path }.
crash-not-saved = تعذّر حفظ آخر التغييرات على تعليقاتك.

## اختيار الملفات: نافذة سطح المكتب أو نافذة حاشية

dialog-title-open-article = فتح مقالة
dialog-title-open-folder = فتح مجلد مقالات
dialog-title-load-scheme = تحميل مخطط وسوم
dialog-title-import-entities = استيراد كيانات (brat .ann، CoNLL)
dialog-title-import-bundles = استيراد حزم (Nexis، Factiva)
dialog-title-output-folder = مجلد المقالات المستوردة
dialog-title-save-as = حفظ باسم
dialog-filter-articles = المقالات
dialog-filter-bundles = الحزم
dialog-filter-label-schemes = مخططات الوسوم
dialog-filter-entity-files = ملفات brat وCoNLL
dialog-filter-all-files = جميع الملفات
# الأسباب أدناه تُكمل dialog-builtin-because وdialog-none-shown.
dialog-stopped = توقفت نافذة الملفات على نحو غير متوقع
dialog-system-stopped = توقفت نافذة الملفات الخاصة بالنظام على نحو غير متوقع
dialog-system-failed = أخفقت نافذة الملفات الخاصة بالنظام: { $failure }
dialog-desktop-has-none = لا توجد لسطح المكتب نافذة ملفات (لا يتوفر منتقي الملفات في xdg-desktop-portal ولا zenity)
dialog-builtin-asked-for = طُلبت نافذة حاشية نفسها
dialog-builtin-because = تظهر نافذة الملفات الخاصة بحاشية لأنه { $reason }.
dialog-none-shown = تعذّر عرض أي نافذة ملفات: { $reason }، ولم تتمكن نافذة حاشية من قراءة أي مجلد ({ $problems }). أفلِت مقالة أو مجلدًا على النافذة بدلًا من ذلك، أو شغِّل حاشية بالأمر `hashiya PATH`.
dialog-no-such-path = لا يوجد ملف أو مجلد بهذا المسار: { $path }
dialog-not-openable = ليس ملفًا يمكن فتحه: { $path }
dialog-not-a-folder = ليس مجلدًا: { $path }
dialog-no-folder-to-save-in = لا يوجد مجلد للحفظ فيه: { $path }
dialog-place-home = المجلد الشخصي
dialog-place-computer = الحاسوب (/)
dialog-folder-unreadable = تتعذّر قراءة هذا المجلد ({ $error }): { $path }
dialog-too-many-entries = { PLURAL($count) ->
        [few] لا تُسرد إلا أول { $count } عناصر؛ اكتب مسارًا للوصول إلى ما بعدها.
        [many] لا يُسرد إلا أول { $count } عنصرًا؛ اكتب مسارًا للوصول إلى ما بعدها.
       *[other] لا يُسرد إلا أول { $count } عنصر؛ اكتب مسارًا للوصول إلى ما بعدها.
    }
dialog-unreadable-entries = { PLURAL($count) ->
        [one] تعذّرت قراءة عنصر واحد.
        [two] تعذّرت قراءة عنصرين.
        [few] تعذّرت قراءة { $count } عناصر.
        [many] تعذّرت قراءة { $count } عنصرًا.
       *[other] تعذّرت قراءة { $count } عنصر.
    }

## نافذة الملفات الخاصة بحاشية

filedialog-file-name = اسم الملف
filedialog-filter = تصفية
filedialog-folder-path = مسار المجلد
filedialog-folder-path-hint = اكتب مسارًا واضغط Enter
filedialog-folder = المجلد
filedialog-name = الاسم
filedialog-filter-hint = اكتب جزءًا من الاسم (تُتجاهل الحركات وأشكال الألف)
filedialog-up = أعلى
filedialog-up-tip = المجلد الأب (Backspace في حقل فارغ، Alt+Up)
filedialog-places = الأماكن
filedialog-type-a-name = اكتب اسمًا للملف.
filedialog-items = { PLURAL($count) ->
        [zero] لا عناصر
        [one] عنصر واحد
        [two] عنصران
        [few] { $count } عناصر
        [many] { $count } عنصرًا
       *[other] { $count } عنصر
    }
filedialog-items-matching = يطابق التصفية { $shown } من أصل { $count }
filedialog-articles-here = { PLURAL($count) ->
        [one] مقالة واحدة في هذا المجلد
        [two] مقالتان في هذا المجلد
        [few] { $count } مقالات في هذا المجلد
        [many] { $count } مقالة في هذا المجلد
       *[other] { $count } مقالة في هذا المجلد
    }
filedialog-keys-open = Enter للفتح، وBackspace للصعود، وEsc للإلغاء
filedialog-keys-folder = Enter للدخول، وCtrl+Enter للفتح، وEsc للإلغاء
filedialog-keys-save = Enter للحفظ، وEsc للإلغاء
filedialog-keys-tip = اكتب للتصفية · Up/Down للتحديد · Enter يفتح الملف أو يدخل المجلد · Backspace (والحقل فارغ) أو Alt+Up: المجلد الأب · Ctrl+L: كتابة مسار · Esc للإلغاء
filedialog-replace-question = الملف { $name } موجود من قبل. هل تريد استبداله؟
filedialog-replace = استبدال
filedialog-keep-it = الإبقاء عليه
filedialog-cancel = إلغاء
filedialog-open = فتح
filedialog-open-this-folder = فتح هذا المجلد
filedialog-save = حفظ
filedialog-no-sub-folders = لا مجلدات فرعية هنا.
filedialog-nothing-here = لا شيء لعرضه هنا.
filedialog-nothing-matches = لا شيء يطابق التصفية.

## عرض فتح نوع من المقالات بحاشية افتراضيًا

offer-question = هل تريد فتح مقالات .{ $extension } بحاشية افتراضيًا؟
offer-yes = نعم
offer-yes-tip = سيؤدي النقر المزدوج على ملف من هذا النوع إلى فتحه بحاشية؛ ويُسجَّل التطبيق الافتراضي السابق، ويستعيده الأمر hashiya --uninstall-desktop.
offer-no = لا
offer-no-tip = الإبقاء على التطبيق الافتراضي الحالي وعدم السؤال مرة أخرى.
offer-not-now = ليس الآن
offer-accepted = أصبحت حاشية تفتح ملفات .{ $extension } افتراضيًا (ويستعيد الأمر hashiya --uninstall-desktop التطبيق الافتراضي السابق).
offer-failed = تعذّر جعل حاشية التطبيق الافتراضي لملفات .{ $extension }: { $error }

## تحرير ▸ مخطط الوسوم

scheme-window-title = مخطط الوسوم
scheme-paragraph-labels = وسوم الفقرات
scheme-entity-types = أنواع الكيانات
scheme-relation-types = أنواع العلاقات
scheme-paragraph-keys = المفاتيح 1–9 تضع الوسم على الفقرة المحددة (وعلى المقطع المحدد حين لا توجد أنواع كيانات).
scheme-entity-keys = المفاتيح 1–9 تضيف مقطعًا من ذلك النوع على النص المحدد؛ ويمكن أن تتداخل المقاطع.
scheme-detach-proclitics = بدء المقاطع بعد السوابق المتصلة (و، ف، ب، ك، ل، وصيغ «ال»)
scheme-detach-proclitics-tip = مثال: «بباريس»: يبدأ المقطع عند «باريس»؛ والمفتاح p في القارئ يعكس هذا الخيار لتحديد واحد
scheme-relation-keys = علِّم المقطع المصدر بالمفتاح m، ثم حدِّد المقطع الهدف واضغط مفتاح النوع.
scheme-add-label = إضافة وسم
scheme-remove = إزالة
scheme-move-earlier = تقديم
scheme-move-later = تأخير
scheme-no-labels = لا وسوم. أضِف وسمًا.
scheme-name = الاسم
scheme-name-field = اسم الوسم
scheme-name-hint = اسم الوسم (بالعربية أو باللاتينية)
scheme-description = الوصف
scheme-description-field = وصف الوسم
scheme-description-hint = ما يعنيه الوسم
scheme-colour = اللون
scheme-shortcut-key = مفتاح الاختصار
scheme-no-shortcut = بلا
scheme-id = المعرّف
scheme-id-tip = يُخزَّن في التعليقات؛ ولا يمكن تغييره هنا
scheme-apply = تطبيق
scheme-cancel = إلغاء
scheme-share = المشاركة مع فريقك:
scheme-save-to-file = حفظ في ملف…
scheme-load-from-file = تحميل من ملف…
scheme-saved = حُفظ مخطط الوسوم في { $path }

## أخطاء التكامل مع سطح المكتب (يطبعها سطر الأوامر أيضًا)

offer-error-no-home = لا يوجد مجلد شخصي: عيِّن HOME، أو XDG_DATA_HOME وXDG_CONFIG_HOME
offer-error-write = تعذّرت الكتابة ({ $error }): { $path }
offer-error-remove = تعذّرت الإزالة ({ $error }): { $path }
offer-error-read = تعذّرت القراءة ({ $error }): { $path }
offer-error-record = سجلّ التطبيقات الافتراضية السابقة تالف ({ $error }): { $path }
offer-error-unknown-type = نوع ملف غير معروف { $name } في الخيار --default-for: استخدم txt أو md أو html أو docx
offer-error-no-types = لا يذكر الخيار --default-for أي نوع ملفات: استخدم txt أو md أو html أو docx
