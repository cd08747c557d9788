## نوافذ العمل الجماعي: مقارنة المُعلِّقين (الفقرات والمقاطع)، والاتفاق (تبويبا الفقرات
## والمقاطع، والتعليقات اليتيمة)، ونظرة عامة على المقالة (التصفية والشريط والإحصاءات)

compare-list-separator = {"، "}
compare-list-separator-strong = {"؛ "}

## مقارنة المُعلِّقين

compare-window-title = مقارنة المُعلِّقين
compare-needs-two = تتطلب المقارنة ملفَّي مُعلِّقَين اثنين على الأقل بجوار المقالة (<article>.annotations.<name>.json)؛ عدد الملفات الموجودة: { $count }.
compare-look-again = البحث مجددًا
compare-paragraphs = الفقرات
compare-spans = المقاطع
compare-only-disagreements = مواضع الخلاف فقط
compare-reload-files = إعادة تحميل الملفات
compare-summary = المُعلِّقون ({ $count }): { $names }. الفقرات الموسومة: { $paragraphs }، والمختلَف عليها منها: { $disagreements }.
compare-annotations = مآل التعليقات: { $list }.
compare-annotator-counts = {"\u200F"}{ $name }: { $counts }
compare-counted = { PLURAL($count) ->
        [zero] لا تعليقات محتسَبة
        [one] تعليق واحد محتسَب
        [two] تعليقان محتسَبان
        [few] { $count } تعليقات محتسَبة
        [many] { $count } تعليقًا محتسَبًا
       *[other] { $count } تعليق محتسَب
    }
compare-orphaned = { PLURAL($count) ->
        [zero] لا تعليقات يتيمة
        [one] تعليق واحد يتيم
        [two] تعليقان يتيمان
        [few] { $count } تعليقات يتيمة
        [many] { $count } تعليقًا يتيمًا
       *[other] { $count } تعليق يتيم
    }
compare-unreadable = { PLURAL($count) ->
        [zero] لا ملفات غير مقروءة
        [one] ملف واحد غير مقروء
        [two] ملفان غير مقروءين
        [few] { $count } ملفات غير مقروءة
        [many] { $count } ملفًا غير مقروء
       *[other] { $count } ملف غير مقروء
    }
compare-unpaired = { PLURAL($count) ->
        [zero] لا تعليقات بلا مُعلِّق ثانٍ
        [one] تعليق واحد بلا مُعلِّق ثانٍ
        [two] تعليقان بلا مُعلِّق ثانٍ
        [few] { $count } تعليقات بلا مُعلِّق ثانٍ
        [many] { $count } تعليقًا بلا مُعلِّق ثانٍ
       *[other] { $count } تعليق بلا مُعلِّق ثانٍ
    }
compare-orphaned-header = التعليقات اليتيمة: { $count } (تعذّر وضعها في النص الحالي، فاستُبعدت من المقارنة)
compare-orphan-of = {"\u200F"}{ $name }: { $orphan }
compare-team-mode-on = وضع الفريق مفعَّل، فالملف المفتوح هو ملفك الخاص. أوقِفه (من قائمة المدوّنة) لتفصل في الملف المرافق المشترك للمقالة.
compare-decisions-go-into = تُحفظ القرارات في { $file } (للتراجع: Ctrl+Z).
compare-accept-all-from = قبول الكل من { $name }
compare-merge-all = دمج الكل
compare-merge-all-tip = كل وسم وضعه أيٌّ من المُعلِّقين
compare-column-paragraph = الفقرة
compare-column-gold = المعيار الذهبي
compare-column-decide = القرار
compare-paragraph-heading = ¶ { $number }
compare-paragraph-disagreement = ¶ { $number } — خلاف
compare-passages-kept = { PLURAL($count) ->
        [zero] + لا تعليقات على مقاطع
        [one] + تعليق واحد على مقطع (محفوظ)
        [two] + تعليقان على مقاطع (محفوظان)
        [few] + { $count } تعليقات على مقاطع (محفوظة)
        [many] + { $count } تعليقًا على مقاطع (محفوظة)
       *[other] + { $count } تعليق على مقاطع (محفوظة)
    }
compare-chosen = { $name } (مختار)
compare-take = أخذ { $name }
compare-merge = دمج

## الاتفاق: تبويب الفقرات

agreement-window-title = الاتفاق
agreement-measuring = جارٍ قياس الاتفاق في المجلد…
agreement-measure-again = إعادة القياس
agreement-summary = الاتفاق على مستوى الفقرات — المقالات: { $articles }، المُعلِّقون ({ $count }): { $names }
agreement-left-out = مُستبعَد: { $problem }
agreement-no-pairs = لا توجد بعدُ مقالة لها ملفّا مُعلِّقَين (<article>.annotations.<name>.json؛ انظر وضع الفريق).
agreement-column-label = الوسم
agreement-column-items = العناصر
agreement-column-cohen = كابا كوهين
agreement-column-fleiss = كابا فلايس
agreement-column-krippendorff = ألفا كريبندورف
agreement-all-labels = كل الوسوم
agreement-explanation = العناصر: الفقرات التي قيّمها مُعلِّقان على الأقل. يتطلب كابا كوهين (Cohen's kappa) مُعلِّقَين اثنين بالضبط؛ ويعتمد كابا فلايس (Fleiss' kappa) على الفقرات التي قيّمها جميع المُعلِّقين؛ وتسمح ألفا كريبندورف (Krippendorff's alpha) بالتقييمات الناقصة.
agreement-no-variation = لا تباين: كانت لجميع العناصر القيمة نفسها، فالمقياس غير معرَّف
agreement-no-items = لا عناصر: لم يقيّم أيَّ فقرة عددٌ كافٍ من المُعلِّقين
agreement-single-annotator = مُعلِّق واحد: لا أحد غيره يُقاس الاتفاق معه
agreement-not-two-annotators = كابا كوهين (κ) يقارن بين مُعلِّقَين اثنين بالضبط
# علامة RLM في أول السطر تجعله من اليمين إلى اليسار.
agreement-reason = {"\u200F"}—{ $mark }: { $reason }
agreement-no-value-mark = {"\u200F"}—{ $mark }
agreement-orphans-line = { PLURAL($count) ->
        [zero] لم يُستبعد أي تعليق يتيم في { $articles }
        [one] استُبعد تعليق واحد يتيم (تعذّر وضعه في النص الحالي) في { $articles }
        [two] استُبعد تعليقان يتيمان (تعذّر وضعهما في النص الحالي) في { $articles }
        [few] استُبعدت { $count } تعليقات يتيمة (تعذّر وضعها في النص الحالي) في { $articles }
        [many] استُبعد { $count } تعليقًا يتيمًا (تعذّر وضعها في النص الحالي) في { $articles }
       *[other] استُبعد { $count } تعليق يتيم (تعذّر وضعها في النص الحالي) في { $articles }
    }
agreement-annotations = التعليقات
agreement-open-orphans-tip = فتح المقالة وعرض هذه التعليقات اليتيمة
agreement-per-article = حسب المقالة ({ $count })
agreement-column-article = المقالة
agreement-column-annotator = المُعلِّق
agreement-column-counted = المحتسَبة
agreement-column-orphaned = اليتيمة
agreement-column-unreadable = ملفات غير مقروءة
agreement-column-alone = المنفردة
agreement-accounting-explanation = المحتسَبة: وُضعت في النص الحالي للمقالة. اليتيمة: تعذّر وضعها بعد إعادة الربط بالنص، فاستُبعدت. الملفات غير المقروءة: استُبعدت وذُكرت أسماؤها أعلاه. المنفردة: لا ملف لمُعلِّق آخر على المقالة.
agreement-orphans-window-title = التعليقات اليتيمة
agreement-orphans-intro = { PLURAL($count) ->
        [zero] لم يُستبعد أي تعليق من تعليقات { $name } على { $article } من حساب الاتفاق:
        [one] تعذّر وضع تعليق واحد من تعليقات { $name } على { $article } في نصها الحالي، فاستُبعد من حساب الاتفاق:
        [two] تعذّر وضع تعليقين من تعليقات { $name } على { $article } في نصها الحالي، فاستُبعدا من حساب الاتفاق:
        [few] تعذّر وضع { $count } تعليقات من تعليقات { $name } على { $article } في نصها الحالي، فاستُبعدت من حساب الاتفاق:
        [many] تعذّر وضع { $count } تعليقًا من تعليقات { $name } على { $article } في نصها الحالي، فاستُبعدت من حساب الاتفاق:
       *[other] تعذّر وضع { $count } تعليق من تعليقات { $name } على { $article } في نصها الحالي، فاستُبعدت من حساب الاتفاق:
    }

## الاتفاق: تبويب المقاطع

spantab-progress = γ: المحاذاة { $done } من { $total }
spantab-reading = جارٍ قراءة مقاطع المجلد…
spantab-seed = البذرة
spantab-samples = العينات
spantab-cancel = إلغاء
spantab-cancelled = أُلغي القياس. أعِد القياس للبدء من جديد.
spantab-summary = الاتفاق على مستوى المقاطع — المقالات: { $articles }، المُعلِّقون ({ $count }): { $names }. المقاطع: { $spans }.
spantab-sampling = الاضطراب المتوقع في γ مقدَّر من متصلات (continua) مُعايَنة عددها { $samples }، بالبذرة { $seed }.
spantab-column-exact-f1 = F1 التام
spantab-column-partial-f1 = F1 الجزئي
spantab-column-gamma = γ
spantab-column-alpha-u = αU
spantab-cell = { $measure }، { $name }: { $value }
spantab-explanation = F1 هو المتوسط على أزواج المُعلِّقين: يتطلب التامُّ تطابق الحدود والوسم، ويمنح الجزئيُّ نصف الدرجة للمقاطع المتداخلة. ويوازن γ المواضع والوسوم بما تقتضيه المصادفة؛ ويقارن αU امتدادات النص المعلَّمة.
spantab-no-spans = لا مقاطع: لم يعلِّم أحد مقطعًا بهذا الوسم
spantab-no-variation = لا تباين: الخلاف المتوقع صفر
spantab-no-complete-articles = يجمع αU على مستوى المجلد المقالاتِ التي غطّاها جميع المُعلِّقين، ولا توجد مقالة كهذه

## مقارنة المُعلِّقين: عرض المقاطع

spantab-units-summary = وحدات المقاطع المتداخلة: { $count }، والمختلَف عليها منها: { $disagreements }. Alt+N / Alt+P: الخلاف التالي / السابق؛ Alt+1، Alt+2، Alt+3: أخذ نسخة ذلك المُعلِّق.
spantab-orphaned = { PLURAL($count) ->
        [zero] لم يُستبعد أي مقطع من مقاطع { $name }.
        [one] تعذّر وضع مقطع واحد من مقاطع { $name } في النص الحالي، فاستُبعد.
        [two] تعذّر وضع مقطعين من مقاطع { $name } في النص الحالي، فاستُبعدا.
        [few] تعذّر وضع { $count } مقاطع من مقاطع { $name } في النص الحالي، فاستُبعدت.
        [many] تعذّر وضع { $count } مقطعًا من مقاطع { $name } في النص الحالي، فاستُبعدت.
       *[other] تعذّر وضع { $count } مقطع من مقاطع { $name } في النص الحالي، فاستُبعدت.
    }
spantab-accept-all-from = قبول كل المقاطع من { $name }
spantab-merge-all = دمج كل المقاطع
spantab-unit-disagreement = ¶ { $number } — { $kind ->
        [missing] مقطع لم يعلِّمه الجميع
        [boundary] خلاف في الحدود
        [type] خلاف في النوع
       *[boundary-and-type] خلاف في الحدود والنوع
    }
spantab-unit-agreed = ¶ { $number } — متفق عليه
spantab-unit-tip = جعل هذه الوحدة هي الحالية (Alt+1، Alt+2، Alt+3 لأخذ نسخة)
spantab-nothing = (لا شيء)

## نظرة عامة على المقالة

overview-strip = { PLURAL($count) ->
        [zero] شريط التعليقات: لا فقرات معلَّق عليها
        [one] شريط التعليقات: فقرة واحدة معلَّق عليها
        [two] شريط التعليقات: فقرتان معلَّق عليهما
        [few] شريط التعليقات: { $count } فقرات معلَّق عليها
        [many] شريط التعليقات: { $count } فقرة معلَّق عليها
       *[other] شريط التعليقات: { $count } فقرة معلَّق عليها
    }
overview-show = إظهار
overview-all = الكل
overview-annotated = المعلَّق عليها
overview-label-tip = عرض الفقرات التي تحمل هذا الوسم فقط
overview-annotated-paragraphs = الفقرات المعلَّق عليها: { $count } من { $total }
overview-passages = المقاطع: { $count }
overview-orphaned = التعليقات اليتيمة: { $count }
