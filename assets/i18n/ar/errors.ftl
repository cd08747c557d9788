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
