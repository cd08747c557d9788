## سطر الأوامر: رسائل الخطأ والملخصات وأسطر التقدّم في الأوامر التي تعمل دون نافذة.
## تُطبع بعد "hashiya: " على الخرج القياسي للأخطاء، أو على الخرج القياسي للملخصات.
## الخرج المُعدّ للبرامج (JSON وCSV وCoNLL والمسارات) لا يأتي من هنا أبدًا.

cli-list-separator = {"، "}
cli-csv-needs-span-level = الخيار --csv يكتب قيم الاتفاق على مستوى المقاطع: أضِف --level span
cli-unknown-encoding = ترميز غير معروف: { $label }
cli-skipped = تُخطّي: { $error }
cli-cancelled = أُلغي
cli-not-a-folder = ليس مجلدًا: { $path }
cli-could-not-open-window = تعذّر فتح النافذة: { $error }
cli-window-not-made = تعذّر فتح النافذة (السبب في الرسالة أعلاه)

## export

cli-no-annotations-files-under = لا توجد ملفات تعليقات (<article>.annotations.json أو <article>.annotations.<name>.json) داخل { $path }
cli-could-not-write-export = تعذّرت كتابة ملف التصدير ({ $error }): { $path }
cli-brat-text-exists = يوجد ملف مختلف بهذا الاسم، ولا يُكتب ملف نص brat فوقه: { $path }
cli-brat-needs-out-file = تُحسب إزاحات brat في نص المقالة، والمقالة ليست ملف .txt بترميز UTF-8 يحوي هذا النص بعينه؛ حدِّد --out FILE.ann ليُكتب النص بجواره: { $path }
cli-brat-needs-out-folder = تصدير brat لعدة مقالات أو ملفات تعليقات يكتب ملف .ann وملف .txt لكل منها: حدِّد --out FOLDER
cli-could-not-create-folder = تعذّر إنشاء المجلد ({ $error }): { $path }
cli-brat-same-name = ستُكتب مقالتان كلتاهما باسم { $name }.ann؛ صدِّرهما إلى مجلدين منفصلين: { $path }

## import

cli-imported = استُورد إلى { $path }: { PLURAL($passages) ->
        [zero] لا مقاطع
        [one] مقطع واحد
        [two] مقطعان
        [few] { $passages } مقاطع
        [many] { $passages } مقطعًا
       *[other] { $passages } مقطع
    } و{ PLURAL($relations) ->
        [zero] لا علاقات
        [one] علاقة واحدة
        [two] علاقتان
        [few] { $relations } علاقات
        [many] { $relations } علاقة
       *[other] { $relations } علاقة
    }
cli-labels-added = أُضيف إلى مخطط الوسوم: { $labels }

## import-bundle

cli-reading-bundle = جارٍ قراءة { $path } ({ $number } من { $count })
cli-skipped-article = تُخطّيت المقالة رقم { $number } ({ $reason }): { $path }
cli-articles-written = { PLURAL($count) ->
        [zero] لم تُكتب أي مقالة
        [one] كُتبت مقالة واحدة
        [two] كُتبت مقالتان
        [few] كُتبت { $count } مقالات
        [many] كُتبت { $count } مقالة
       *[other] كُتبت { $count } مقالة
    }، والقائمة في { $path }
cli-bundles-failed = ملفات لم تُستخرج منها أي مقالة: { $failed } من { $count } (انظر أعلاه)

## agreement

cli-agreement-needs-two = يتطلب حساب الاتفاق ملفات تعليقات (<article>.annotations.<name>.json) لمُعلِّقَين اثنين على الأقل على المقالة نفسها: { $path }
cli-gamma-progress = γ: { $percent }٪
cli-could-not-write-csv = تعذّرت كتابة ملف CSV ({ $error }): { $path }

## merge-sidecar and git-setup

cli-cannot-merge = تعذّر دمج { $path }: { $error }
cli-merge-conflicts = { $path }: { PLURAL($count) ->
        [one] عُدِّل حقل واحد
        [two] عُدِّل حقلان
        [few] عُدِّل { $count } حقول
        [many] عُدِّل { $count } حقلًا
       *[other] عُدِّل { $count } حقل
    } من حقول التعليقات في كلا الجانبين؛ أُبقي على التعديل الأحدث، وأُدرجت القيمة الأخرى تحت "conflicts"
cli-no-program-path = تعذّر العثور على مسار هذا البرنامج: { $error }
cli-gitattributes-updated = حُدِّث { $path } (أضِفه في commit، لتدمج كل نسخة مستنسخة من المستودع التعليقاتِ تعليقًا بتعليق)
cli-gitattributes-set-up = سبق إعداد { $path }
cli-git-config-set-up = سبق ضبط إعدادات git
cli-git-config-set = ضُبط { $keys } في إعدادات git لهذه النسخة المستنسخة (شغِّل hashiya git-setup في كل نسخة مستنسخة)

## --install-desktop and --uninstall-desktop

cli-installed-for-all-users = حاشية مثبَّتة من قبلُ لجميع المستخدمين (إذ ثبّتت حزمةٌ { $path })، فلا يحتاج مُدخَلها في قائمة التطبيقات ولا أيقوناتها ولا أنواع ملفاتها إلى --install-desktop. سيُثبَّت مع ذلك مُدخَل لك وحدك يشغّل { $program }، ويزيله --uninstall-desktop.
cli-installed = ثُبِّت { $path }
cli-changed = عُدِّل { $path }
cli-default-for = أصبحت حاشية التطبيق الافتراضي للأنواع { $types }؛ ويعيد --uninstall-desktop التطبيقات الافتراضية السابقة.
cli-offered-for = حاشية متاحة الآن لملفات .txt و.md و.html و.docx (في «فتح باستخدام»)، ولم يُغيَّر أي تطبيق افتراضي. لجعلها التطبيق الافتراضي: hashiya --install-desktop --default-for txt,md
cli-nothing-to-remove = لا شيء لإزالته داخل { $path }
cli-removed = أُزيل أو استُعيد { $path }

## agreement: الجدول النصي (`hashiya agreement FOLDER` دون --json)

cli-list-separator-strong = {"؛ "}
cli-agreement-heading = الاتفاق على { PLURAL($articles) ->
        [zero] لا مقالات
        [one] مقالة واحدة
        [two] مقالتين
        [few] { $articles } مقالات
        [many] { $articles } مقالة
       *[other] { $articles } مقالة
    } { PLURAL($count) ->
        [zero] لم يعلّق عليها أحد
        [one] علّق عليها مُعلِّق واحد
        [two] علّق عليها مُعلِّقان
        [few] علّق عليها { $count } مُعلِّقين
        [many] علّق عليها { $count } مُعلِّقًا
       *[other] علّق عليها { $count } مُعلِّق
    }: { $names }
cli-agreement-column-label = الوسم
cli-agreement-column-items = العناصر
cli-agreement-column-cohen = κ كوهين
cli-agreement-column-fleiss = κ فلايس
cli-agreement-column-krippendorff = α كريبندورف
cli-agreement-all-labels = كل الوسوم
cli-agreement-annotations = التعليقات: { $totals }.
cli-agreement-annotator-counts = { $name }: { $counts }
cli-agreement-article = { $path }: { $counts }
cli-agreement-article-not-measured = { $path } (لم يُقَس): { $counts }
cli-span-heading = الاتفاق على المقاطع في { PLURAL($articles) ->
        [zero] لا مقالات
        [one] مقالة واحدة
        [two] مقالتين
        [few] { $articles } مقالات
        [many] { $articles } مقالة
       *[other] { $articles } مقالة
    } { PLURAL($count) ->
        [zero] لم يعلّق عليها أحد
        [one] علّق عليها مُعلِّق واحد
        [two] علّق عليها مُعلِّقان
        [few] علّق عليها { $count } مُعلِّقين
        [many] علّق عليها { $count } مُعلِّقًا
       *[other] علّق عليها { $count } مُعلِّق
    }: { $names }
cli-span-sampling = γ: { PLURAL($samples) ->
        [zero] لا متواليات معايَنة
        [one] متوالية معايَنة واحدة
        [two] متواليتان معايَنتان
        [few] { $samples } متواليات معايَنة
        [many] { $samples } متوالية معايَنة
       *[other] { $samples } متوالية معايَنة
    } لكل مقالة ووسم، والبذرة { $seed }
cli-span-column-spans = المقاطع
cli-span-column-exact-f1 = F1 التام
cli-span-column-partial-f1 = F1 الجزئي
cli-span-column-type-f1 = F1 النوع
cli-span-pairs = الأزواج (المرجع ← المقارَن): F1 التام / الجزئي / النوع
cli-span-pair = { $reference } ← { $other } ({ PLURAL($articles) ->
        [zero] لا مقالات
        [one] مقالة واحدة
        [two] مقالتان
        [few] { $articles } مقالات
        [many] { $articles } مقالة
       *[other] { $articles } مقالة
    }): { $exact } / { $partial } / { $type }
cli-span-alpha-u-articles = يجمع αU على مستوى المجلد { PLURAL($count) ->
        [zero] المقالات التي غطّاها كل المُعلِّقين، ولا مقالات منها
        [one] المقالة الوحيدة التي غطّاها كل المُعلِّقين
        [two] المقالتين اللتين غطّاهما كل المُعلِّقين
        [few] { $count } مقالات غطّاها كل المُعلِّقين
        [many] { $count } مقالة غطّاها كل المُعلِّقين
       *[other] { $count } مقالة غطّاها كل المُعلِّقين
    }.
cli-span-annotations = تعليقات المقاطع: { $totals }.
cli-span-whole-paragraph = { PLURAL($count) ->
        [zero] لم يُستبعد أي تعليق على فقرة كاملة
        [one] استُبعد تعليق واحد على فقرة كاملة
        [two] استُبعد تعليقان على فقرتين كاملتين
        [few] استُبعدت { $count } تعليقات على فقرات كاملة
        [many] استُبعد { $count } تعليقًا على فقرات كاملة
       *[other] استُبعد { $count } تعليق على فقرات كاملة
    }
cli-span-not-measured = { $path } (لم يُقَس)

## --help: مساعدة سطر الأوامر نفسها (clap)، وما يكتبه clap حولها

cli-help-about = قراءة المقالات الإخبارية العربية والتعليق عليها، من اليمين إلى اليسار، مع ملفات تعليقات JSON مرافقة
cli-help-paths = المقالة المراد فتحها (.txt أو .md أو .html أو .docx أو .rtf؛ وملفات .pdf تجريبية: تُقرأ طبقتها النصية بأداة pdftotext من Poppler وتُصلَح للعربية)، أو مجلد مقالات لعرض قائمتها. إن لم تُحدَّد فُتحت مقالة نموذجية مرفقة بالبرنامج. وإن حُدِّد أكثر من مسار (كما قد يفعل مدير الملفات) فُتح الأول
cli-help-install-desktop = تثبيت مُدخَل المشغّل والأيقونة لهذا المستخدم، وعرض حاشية لفتح ملفات .txt و.md و.html و.docx («فتح باستخدام»). ولا تُغيَّر التطبيقات الافتراضية
cli-help-default-for = مع --install-desktop: جعل حاشية أيضًا التطبيق الافتراضي لهذه الأنواع (مفصولة بفواصل: txt، md، html، docx). تُسجَّل التطبيقات الافتراضية المستبدَلة، ويعيدها --uninstall-desktop
cli-help-uninstall-desktop = إزالة ما ثبّته --install-desktop
cli-help-builtin-dialogs = الفتح والحفظ والتصدير عبر نافذة الملفات الخاصة بحاشية بدلًا من نافذة سطح المكتب (لأسطح المكتب التي نافذتها معطّلة؛ وحيث لا توجد نافذة تُستخدم نافذة حاشية على أي حال). ويحفظ الخيار عرض > استخدام نوافذ الملفات الخاصة بحاشية هذا الاختيار
cli-help-info-about = طباعة ما تقرؤه حاشية من مقالة بصيغة JSON: الصيغة والترميز والعنوان وعدد الفقرات واللغة (ar أو fa أو ur) والخط الذي تُقرأ به افتراضيًا
cli-help-info-file = ملف المقالة
cli-help-info-encoding = فك الترميز بهذا الترميز (اسم مثل `windows-1256`) بدلًا من اكتشافه
cli-help-export-about = تصدير تعليقات مقالة أو أكثر (تُقرأ من ملفات تعليقاتها، وتُعاد مواءمتها مع نص المقالات الحالي)
cli-help-export-long-about =
    تصدير تعليقات مقالة أو أكثر (تُقرأ من ملفات تعليقاتها، وتُعاد مواءمتها مع نص المقالات الحالي).

    صيغ الكيانات (conll وwojood وbrat وspacy) تكتب وسوم المقاطع أنواعًا للكيانات. وconll هي IOB2 بالكيانات الخارجية وحدها؛ استخدم wojood للكيانات المتداخلة.
cli-help-export-format = صيغة الخرج
cli-help-export-format-csv = CSV بترميز UTF-8 مع علامة ترتيب البايتات
cli-help-export-format-jsonl = JSON Lines، تعليق واحد في كل سطر
cli-help-export-format-w3c = مجموعة W3C Web Annotation ‏(JSON-LD)؛ وتستهدف العلاقات مقطعيها
cli-help-export-format-conll = CoNLL IOB2، ‏`token TAG` في كل سطر، وسطر فارغ بين الفقرات. الكيانات الخارجية وحدها (وحيث يتقاطع كيانان يؤخذ الذي يبدأ أولًا): استخدم wojood للتداخل
cli-help-export-format-wojood = صيغة Wojood المتداخلة: `token TAG TAG …`، وسم واحد لكل مستوى تداخل، من الخارج إلى الداخل
cli-help-export-format-brat = brat standoff: ملف .ann بأسطر T وR، والإزاحات بنقاط الترميز في نص المقالة
cli-help-export-format-spacy = JSON Lines على طريقة spaCy، كائن واحد لكل فقرة بمقاطعها وعلاقاتها
cli-help-export-out = الكتابة هنا بدلًا من الخرج القياسي. في brat: ملف .ann لمقالة واحدة (ويُكتب ملف نصها، حين يلزم، بجواره بالامتداد .txt)، أو مجلد يُكتب فيه ملف .ann وملف .txt لكل مقالة ومُعلِّق
cli-help-export-articles = ملفات المقالات، أو مجلدات المقالات، المراد تصدير تعليقاتها (كل ملفات التعليقات: ملف المقالة نفسها وملف كل مُعلِّق)
cli-help-import-about = استيراد الكيانات (وعلاقات brat) إلى تعليقات مقالة، كلها أو لا شيء: يُبلَّغ عن أي سطر لا يوافق المقالة ولا يُغيَّر شيء
cli-help-import-format = صيغة FILE
cli-help-import-format-brat = brat standoff بملف .ann (أسطر T وR، وتعليقات `AnnotatorNotes`)
cli-help-import-format-conll = CoNLL IOB2 ‏(`token TAG`)، أو صيغة Wojood المتداخلة (`token TAG TAG …`)
cli-help-import-annotator = الاستيراد إلى ملف تعليقات هذا المُعلِّق في وضع الفريق (`<article>.annotations.<name>.json`) بدلًا من ملف المقالة نفسها
cli-help-import-article = المقالة التي يعلّق عليها الملف
cli-help-import-file = الملف المراد استيراده (brat ‏.ann، أو CoNLL / Wojood)
cli-help-agreement-about = قياس الاتفاق بين المُعلِّقين في مجلد: على مستوى الفقرات، لكل وسم وإجمالًا (κ كوهين لمُعلِّقَين اثنين، وκ فلايس، وα كريبندورف)
cli-help-agreement-long-about =
    قياس الاتفاق بين المُعلِّقين في مجلد: على مستوى الفقرات، لكل وسم وإجمالًا (κ كوهين لمُعلِّقَين اثنين، وκ فلايس، وα كريبندورف).

    ومع --level span: الاتفاق على مستوى المقاطع في تعليقات المقاطع، لكل وسم وإجمالًا (F1 للمقاطع، التام / الجزئي / النوع، بين كل زوج من المُعلِّقين، وγ، وαU كريبندورف).
cli-help-agreement-folder = مجلد المقالات مع ملفات تعليقات المُعلِّقين (`<article>.annotations.<name>.json`)
cli-help-agreement-json = طباعة JSON بدلًا من جدول
cli-help-agreement-level = ما تجري مقارنته: وسوم الفقرات، أو المقاطع (تعليقات المقاطع)
cli-help-agreement-level-paragraph = وسوم الفقرات (κ كوهين، وκ فلايس، وα كريبندورف)
cli-help-agreement-level-span = المقاطع: تعليقات المقاطع (F1 للمقاطع، وγ، وαU)
cli-help-agreement-csv = مع --level span: كتابة قيم كل مقالة أيضًا في ملف CSV هذا
cli-help-agreement-seed = مع --level span: بذرة المتواليات المعايَنة لحساب γ
cli-help-agreement-samples = مع --level span: عدد المتواليات المعايَنة لحساب الاختلال المتوقع في γ
cli-help-import-bundle-about = تقسيم الحزم المصدَّرة من قواعد بيانات الأخبار (Nexis Uni DOCX، وNexis TXT/RTF الأقدم، وFactiva HTML/RTF) إلى مقالات، كل واحدة في ملف .txt بترميز UTF-8 داخل FOLDER، باسم <date>_<source>_<title>.txt، مع قائمة بها في FOLDER/articles.csv، وبيانات كل مقالة الوصفية في ملف تعليقاتها. لا يُكتب فوق أي شيء في FOLDER: الاسم الموجود تُضاف إليه لاحقة
cli-help-import-bundle-files = الملفات المصدَّرة
cli-help-import-bundle-out = المجلد المراد الكتابة فيه (يُنشأ عند الحاجة)
cli-help-layout-about = عرض كيف تُخطَّط مقالة، لفحص النص ثنائي الاتجاه (أداة تشخيص)
cli-help-layout-long-about =
    عرض كيف تُخطَّط مقالة، لفحص النص ثنائي الاتجاه (أداة تشخيص).

    مع --visual تُطبع كل فقرة دون التفاف في سطر واحد، بمحارفها بالترتيب الذي تظهر به على الشاشة من اليسار إلى اليمين. ويُستخلص الترتيب من الحروف المرسومة كما خُطِّطت ورُسمت (كل عنقود حروف يعطي محارفه)، لا من حساب ثنائي الاتجاه منفصل؛ وتُطبع الأقواس وغيرها من المحارف المعكوسة بالصورة المعكوسة التي تُرسم، وتُحذف محارف التحكم ثنائية الاتجاه (LRM وRLM وALM والتضمينات والتجاوزات والعزل). ولا تُستخدم إلا الخطوط المضمَّنة في حاشية، فيكون الخرج واحدًا على كل جهاز.
cli-help-layout-visual = طباعة كل فقرة بالترتيب المرئي (كما على الشاشة، من اليسار إلى اليمين)
cli-help-layout-file = ملف المقالة
cli-help-layout-encoding = فك الترميز بهذا الترميز (اسم مثل `windows-1256`) بدلًا من اكتشافه
cli-help-merge-sidecar-about = دمج ثلاث نسخ من ملف تعليقات، بوصفه أداة الدمج في git ‏(`%O %A %B %P`): تعليقًا تعليقًا، تُحفظ إضافات الطرفين ويُحترم الحذف. وحيث غيّر الطرفان الحقل نفسه من تعليق واحد يُؤخذ التعديل الأحدث وتُحفظ القيمة الأخرى في قائمة `conflicts` في الملف. تُكتب النتيجة في OURS؛ ولا تكون حالة الخروج غير صفرية، مع بقاء OURS كما هو، إلا إذا كان أحد المدخلات ليس ملف تعليقات مقروءًا. ويسجّله `hashiya git-setup`
cli-help-merge-sidecar-base = السلف المشترك (%O في git؛ وقد يكون فارغًا)
cli-help-merge-sidecar-ours = نسختنا، ويحلّ الدمج محلها (%A في git)
cli-help-merge-sidecar-theirs = نسختهم (%B في git)
cli-help-merge-sidecar-path = مسار الملف في المستودع، للرسائل (%P في git)
cli-help-git-setup-about = إعداد مستودع git الذي يضم FOLDER (افتراضيًا: المجلد الحالي) للتعليقات: أسطر `.gitattributes` لـ `*.annotations.json` و`*.annotations.*.json`، وأداة الدمج وتحويل النص للمقارنة في إعدادات المستودع. شغّله في كل نسخة مستنسخة؛ وتشغيله مرة أخرى لا يغيّر شيئًا
cli-help-git-setup-folder = مجلد داخل شجرة عمل git
cli-help-show-sidecar-about = طباعة ملف تعليقات، سطرًا لكل تعليق (الفقرة، الوسوم، الملاحظة، الاقتباس)، كما يعرضه `git diff` بعد تشغيل `hashiya git-setup`
cli-help-show-sidecar-file = ملف التعليقات
cli-help-package-files-about = كتابة صفحات الدليل وإكمالات bash وzsh وfish في مجلد (لبناء حزمة؛ انظر `scripts/build-deb`)
cli-help-package-files-dir = المجلد الذي يُكتب فيه `man/` و`completions/`
cli-help-usage = الاستخدام:
cli-help-heading-commands = الأوامر:
cli-help-heading-arguments = الوسائط:
cli-help-heading-options = الخيارات:
cli-help-help-subcommand = طباعة هذه الرسالة أو مساعدة الأمر الفرعي (أو الأوامر الفرعية) المحدد
cli-help-help-flag-long = طباعة المساعدة (وللملخّص: '-h')
cli-help-help-flag-short = طباعة المساعدة (وللمزيد: '--help')
cli-help-help-for = طباعة مساعدة الأمر الفرعي (أو الأوامر الفرعية)
cli-help-help-flag = طباعة المساعدة
cli-help-version-flag = طباعة الإصدار
cli-help-possible-values = القيم الممكنة:
cli-help-possible-values-inline = {"[القيم الممكنة: "}
cli-help-default = {"[الافتراضي: "}

## أخطاء قراءة سطر الأوامر.
cli-parse-error = خطأ: { $detail }
cli-parse-unexpected-argument = وسيط غير متوقَّع: '{ $arg }'
cli-parse-value-missing = يحتاج الوسيط '{ $arg }' إلى قيمة ولم تُعطَ له
cli-parse-invalid-value = القيمة '{ $value }' غير صالحة للوسيط '{ $arg }'
cli-parse-unexpected-value = قيمة غير متوقَّعة '{ $value }' للوسيط '{ $arg }'؛ فهو لا يقبل قيمًا أخرى
cli-parse-unrecognized-subcommand = أمر فرعي غير معروف: '{ $name }'
cli-parse-missing-arguments = لم تُعطَ هذه الوسائط المطلوبة:
cli-parse-argument-repeated = لا يُستعمل الوسيط '{ $arg }' أكثر من مرة
cli-parse-argument-conflict = لا يُستعمل الوسيط '{ $arg }' مع '{ $other }'
cli-parse-argument-conflict-others = لا يُستعمل الوسيط '{ $arg }' مع واحد أو أكثر من الوسائط الأخرى المعطاة
cli-parse-invalid-utf8 = في وسيط أو أكثر نصٌّ ليس بترميز UTF-8 صالح
cli-parse-tip = تلميح: { $tip }
cli-parse-tip-similar-subcommand = { PLURAL($count) ->
    [one] يوجد أمر فرعي مشابه: { $names }
    [two] يوجد أمران فرعيان مشابهان: { $names }
   *[other] توجد أوامر فرعية مشابهة: { $names }
}
cli-parse-tip-similar-argument = { PLURAL($count) ->
    [one] يوجد وسيط مشابه: { $names }
    [two] يوجد وسيطان مشابهان: { $names }
   *[other] توجد وسائط مشابهة: { $names }
}
cli-parse-tip-similar-value = { PLURAL($count) ->
    [one] توجد قيمة مشابهة: { $names }
    [two] توجد قيمتان مشابهتان: { $names }
   *[other] توجد قيم مشابهة: { $names }
}
cli-parse-tip-as-value = لتمرير '{ $arg }' قيمةً استعمل '{ $instead }'
cli-parse-tip-remove-dashes = يوجد أمر فرعي اسمه '{ $name }'؛ لاستعماله احذف '--' قبله
cli-parse-tip-exists = يوجد '{ $name }'
cli-parse-more-information = لمزيد من المعلومات جرّب '{ $flag }'.
