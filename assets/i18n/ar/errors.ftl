## أخطاء الملفات: فتح المقالات وملفات التعليقات ومخططات الوسوم والحزم وgit

error-not-found = الملف غير موجود: { $path }
error-is-directory = هذا مجلد وليس ملف مقالة: { $path }
error-not-regular-file = هذا ليس ملفًا عاديًا (أنبوب أو مقبس أو جهاز)، فلا يُقرأ: { $path }
error-permission-denied = لا إذن بقراءة الملف: { $path }
error-empty = الملف فارغ: { $path }
error-binary = لا يحوي الملف نصًا مقروءًا (يبدو بيانات ثنائية): { $path }
error-too-large = حجم الملف { $size } ميبيبايت، أي فوق حدّ المقالات البالغ { $limit } ميبيبايت: { $path }
error-no-text = لم يُعثر على نص مقالة في ملف { $format } هذا: { $path }
error-read-file = تعذّرت قراءة الملف ({ $reason }): { $path }
error-docx-not-zip = ليس مستند Word (ليس أرشيف zip: { $reason })
error-docx-no-document-xml = ليس مستند Word (لا يحوي word/document.xml)
error-docx-too-large = نص مستند Word يتجاوز { $limit } ميبيبايت بعد فك الضغط
error-docx-damaged = مستند Word تالف ({ $reason })
error-not-rtf = ليس ملف RTF (لا يبدأ بـ {"{"}\rtf)
error-pdf-no-extractor = قراءة ملفات PDF تحتاج إلى pdftotext من Poppler، وهو غير مثبّت (في Debian وUbuntu: apt install poppler-utils)
error-pdf-no-text-layer = لا طبقة نصية في ملف PDF هذا (صفحة ممسوحة ضوئيًا؟)؛ حاشية لا تقرأ إلا ملفات PDF التي فيها نص، فشغّل التعرّف الضوئي على الحروف أولًا
error-pdf-failed = تعذّر على pdftotext قراءة ملف PDF ({ $reason })
error-pdf-timed-out = تجاوز pdftotext مدة { $seconds } ثانية فأُوقف
error-sidecar-corrupt = ملف التعليقات تالف وقد تُرك كما هو ({ $reason }): { $path }
error-sidecar-too-new = كتب ملفَّ التعليقات إصدارٌ أحدث من حاشية (إصدار الصيغة { $version }؛ وهذا الإصدار يعرف { $known }) فيُفتح للقراءة فقط: { $path }
error-sidecar-read-only = لا يمكن الكتابة في المجلد؛ استخدم ملف > حفظ التعليقات باسم… لحفظ تعليقاتك في مكان آخر ({ $reason }): { $path }
error-sidecar-read = تعذّرت قراءة التعليقات ({ $reason }): { $path }
error-sidecar-write = تعذّر حفظ التعليقات ({ $reason }): { $path }
error-scheme-invalid = ليس مخطط وسوم ({ $reason }): { $path }
error-scheme-read = تعذّرت قراءة مخطط الوسوم ({ $reason }): { $path }
error-scheme-write = تعذّرت كتابة مخطط الوسوم ({ $reason }): { $path }
error-no-sidecar = لا ملف تعليقات بجوار المقالة: { $path }
error-bundle-no-articles = لم يُعثر على أي مقالة (الصيغ التي جُرّبت: { $formats }): { $path }
error-bundle-all-skipped = { PLURAL($count) ->
        [one] تعذّرت قراءة المقالة الوحيدة التي عُثر عليها ({ $reason }): { $path }
        [two] تعذّرت قراءة المقالتين اللتين عُثر عليهما ({ $reason }): { $path }
       *[other] تعذّرت قراءة كل المقالات التي عُثر عليها وعددها { $count } ({ $reason }): { $path }
    }
error-write = تعذّرت الكتابة ({ $reason }): { $path }
error-git-unreadable = { $role } ليس ملف تعليقات مقروءًا، فلم يُدمج شيء: { $reason }
error-git-write = تعذّرت كتابة التعليقات المدمجة ({ $reason }): { $path }
error-git-not-a-work-tree = لست داخل شجرة عمل git؛ شغّل `git init` (أو `git clone`) أولًا، ثم `hashiya git-setup` هناك: { $path }
error-git-failed = فشل `git { $command }` ({ $detail }) في { $path }
error-git-executable-path = مسار برنامج hashiya ليس UTF-8 صالحًا، فلا يمكن إخبار git بتشغيله: { $path }
error-git-attributes = تعذّر تحديث .gitattributes ({ $reason }): { $path }
error-import-line = { $reason } (السطر { $line }): { $path }
error-import-read = تعذّرت قراءة الملف المراد استيراده ({ $reason }): { $path }
error-import-file = { $reason }: { $path }
error-import-not-utf8 = ليس نصًا بترميز UTF-8 (بايت غير صالح عند الإزاحة { $offset })

## لماذا لا يوافق سطرٌ من الملف المراد استيراده (يظهر داخل error-import-line)

error-import-not-brat-line = ليس سطرًا بصيغة brat (لا علامة جدولة بعد المعرّف)
error-import-id-twice = المعرّف { $id } مستخدم مرتين
error-import-t-line-needs-text = سطر T يحتاج إلى نص بعد علامة جدولة ثانية
error-import-only-annotator-notes = لا يمكن استيراد من التعليقات إلا ما كان بالشكل `#N<TAB>AnnotatorNotes T…<TAB>note`
error-import-unknown-id = معرّف تعليق brat غير معروف: { $id }
error-import-no-entity = لا يوجد الكيان { $id } في هذا الملف
error-import-no-annotation = لا يوجد التعليق { $id } في هذا الملف
error-import-events = لا يمكن استيراد الأحداث (أسطر E)؛ احذفها لاستيراد الكيانات والعلاقات
error-import-attributes = لا يمكن استيراد السمات (أسطر A)؛ احذفها لاستيراد الكيانات والعلاقات
error-import-normalizations = لا يمكن استيراد التوحيدات (أسطر N)؛ احذفها لاستيراد الكيانات والعلاقات
error-import-equivalences = لا يمكن استيراد التكافؤات (أسطر *)؛ احذفها لاستيراد الكيانات والعلاقات
error-import-r-line-form = سطر R يُكتب بالشكل `R1<TAB>TYPE Arg1:T1 Arg2:T2`
error-import-r-line-ends = سطر R يسمّي طرفيه بالشكل Arg1:T… Arg2:T…
error-import-t-line-form = سطر T يُكتب بالشكل `T1<TAB>TYPE start end<TAB>text`
error-import-offsets-form = الإزاحتان { $offsets } ليستا بالشكل `start end`
error-import-offsets-not-numbers = الإزاحتان { $offsets } ليستا عددين
error-import-offsets-outside = الإزاحتان { $start } و{ $end } خارج نص المقالة ({ PLURAL($count) ->
        [zero] لا محارف فيه
        [one] فيه محرف واحد
        [two] فيه محرفان
        [few] فيه { $count } محارف
        [many] فيه { $count } محرفًا
       *[other] فيه { $count } محرف
    })
error-import-fragments-order = يجب أن تأتي الأجزاء مرتّبة وألّا تتداخل
error-import-t-line-needs-offsets = سطر T يحتاج إلى إزاحات
error-import-text-mismatch = النص { $text } ليس نص المقالة عند هذه الإزاحات ({ $expected })
error-import-discontinuous = لا يمكن استيراد كيان متقطّع بين أجزائه نص (فالمقطع امتداد واحد متصل من النص)
error-import-empty-entity = يحتاج الكيان إلى محرف واحد على الأقل
error-import-outside-paragraph = الكيان لا يقع داخل فقرة واحدة من المقالة
error-import-crosses-paragraph = الكيان { $label } الذي يبدأ هنا يتجاوز حدّ الفقرة
error-import-no-tag = السطر يُكتب بالشكل `token TAG` (ولا وسم هنا)
error-import-bad-tag = الوسم { $tag } ليس O ولا B-/I-/E-/S-TYPE
error-import-token-mismatch = الكلمة { $token } لا توافق نص المقالة هنا ({ $found })

## لماذا يُرفض مخطط الوسوم (يظهر داخل error-scheme-invalid)

error-scheme-bad-format = الصيغة { $format } وليست { $expected }
error-scheme-label-no-id = الوسم { $label } بلا معرّف
error-scheme-duplicate-id = لوسمين المعرّف نفسه { $id }
error-scheme-bad-colour = لون الوسم { $label } هو { $colour }، وليس بالشكل ‎#rrggbb
error-scheme-bad-shortcut = اختصار الوسم { $label } هو { $key }؛ استخدم 1–9
error-scheme-duplicate-shortcut = يشترك وسمان في الاختصار { $key }

## لماذا ملف التعليقات تالف (يظهر داخل error-sidecar-corrupt)

error-sidecar-not-json = ليس JSON: { $error }
error-sidecar-no-marker = لا توجد العلامة "format": "{ $marker }"
error-sidecar-no-version = لا رقم إصدار

## تغييرات على التعليقات تُرفض

error-store-read-only = التعليقات هنا للقراءة فقط: { $reason }
error-store-no-paragraph = لا توجد الفقرة { $number }
error-store-no-annotation = لا يوجد التعليق { $id }
error-store-not-a-passage = العلاقة تربط بين مقطعين، والتعليق { $id } ليس مقطعًا
error-store-self-relation = العلاقة تحتاج إلى مقطعين مختلفين
error-store-no-conflict = لم يعد هذا التعارض في القائمة (حُسم أو زال بالدمج)
error-store-bad-span = المقطع { $bytes } ليس امتدادًا من محارف كاملة داخل الفقرة { $paragraph }
error-conflict-none = لا يوجد تعارض رقمه { $number }
error-conflict-annotation-gone = التعليق { $id } الذي يخصّه التعارض لم يعد موجودًا
error-conflict-bad-value = تتعذّر قراءة قيمة الحقل { $field } في التعارض ({ $reason })
error-conflict-unknown-field = هذا الإصدار من حاشية لا يعرف هذا الحقل

## حزم قواعد بيانات الأخبار: لماذا تُخطّيت مقالة

error-bundle-formats-tried = Nexis Uni DOCX (مقالات تنتهي بـ "End of Document")، وNexis TXT/RTF ("N of M DOCUMENTS")، وFactiva HTML (div.article)، وFactiva RTF/TXT (حقول HD … AN)
error-bundle-article-reason = المقالة { $number }: { $reason }
error-nexis-truncated = ينتهي الملف قبل "End of Document" الخاص بهذه المقالة (هل هو مقطوع؟)
error-nexis-no-body = لا سطر "Body" قبل "End of Document"
error-nexis-no-date-above-body = لا سطر تاريخ فوق "Body"
error-nexis-no-source = لا سطر مصدر فوق التاريخ
error-nexis-no-headline = لا عنوان فوق المصدر
error-nexis-no-text-after-body = لا نص بعد "Body"
error-nexis-no-length = لا سطر "LENGTH:"
error-nexis-nothing-above-length = لا شيء فوق "LENGTH:"
error-nexis-no-date = لا سطر تاريخ
error-nexis-no-text-after-length = لا نص بعد "LENGTH:"
error-factiva-no-fields = لا حقل HD ولا TD
error-factiva-no-text = المقالة "{ $title }" بلا نص (لا حقل LP ولا TD)

## أسباب أخرى

error-git-role-base = السلف المشترك (BASE)
error-git-role-ours = نسختنا (OURS)
error-git-role-theirs = نسختهم (THEIRS)
error-git-not-installed = git غير مثبّت أو ليس في PATH
error-git-no-such-folder = المجلد غير موجود
error-pdf-no-signature = لا يبدأ بـ %PDF-
error-pdf-exit-status = حالة الخروج { $status }
error-docx-unknown-entity = كيان XML غير معروف { $entity }
error-io-not-regular = ليس ملفًا عاديًا (أنبوب أو مقبس أو جهاز)
error-io-different-file-there = يوجد في المكان ملف مختلف
error-cancelled = أُلغي
error-save-stopped = توقّف الحفظ على نحو غير متوقَّع
