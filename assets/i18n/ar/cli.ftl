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
