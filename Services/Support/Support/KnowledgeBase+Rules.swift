// The likely cause of each rule in RuleCatalog, as seen in real ERP, point-of-sale and hand-written
// integrations, in English and Arabic. One entry per catalog rule, in catalog order.

extension KnowledgeBase {
    static let ruleCauses: [RuleCause] = [
        RuleCause(
            "BR-02",
            en: "The ERP assigns the invoice number only when the document is posted, so a draft or a point-of-sale receipt was exported with an empty cbc:ID, or the mapping read the number from a field that is blank for that document kind.",
            ar: "لا يخصص نظام تخطيط موارد المؤسسة (ERP) رقم الفاتورة إلا عند ترحيل المستند، فصُدّرت مسودة أو إيصال من نقاط البيع والحقل cbc:ID فارغ، أو قرأ الربط الرقم من حقل يكون فارغاً لهذا النوع من المستندات."
        ),
        RuleCause(
            "BR-03",
            en: "The date came from the ERP in a local format (such as 15/03/2024) or as a full timestamp that the mapping could not place in cbc:IssueDate, so the element was dropped or left empty.",
            ar: "وصل التاريخ من نظام ERP بصيغة محلية (مثل 15/03/2024) أو طابعاً زمنياً كاملاً لم يتمكن الربط من وضعه في cbc:IssueDate، فحُذف العنصر أو تُرك فارغاً."
        ),
        RuleCause(
            "BR-04",
            en: "The integration wrote the document kind only in the name attribute (KSA-2) or in a note and left the value of cbc:InvoiceTypeCode empty, which often happens when credit and debit notes are built from a separate template.",
            ar: "كتب التكامل نوع المستند في السمة name (KSA-2) أو في ملاحظة فقط وترك قيمة cbc:InvoiceTypeCode فارغة، ويحدث ذلك غالباً عندما تُبنى الإشعارات الدائنة والمدينة من قالب مستقل."
        ),
        RuleCause(
            "BR-05",
            en: "The ERP treats SAR as an implicit default and never writes cbc:DocumentCurrencyCode, or the template leaves it empty when the customer record has no currency set.",
            ar: "يعدّ نظام ERP الريال السعودي عملة افتراضية ضمنية فلا يكتب cbc:DocumentCurrencyCode، أو يتركه القالب فارغاً عندما لا تكون للعميل عملة محددة في سجله."
        ),
        RuleCause(
            "BR-06",
            en: "Only a trade name or branch name was mapped and the legal name in cac:PartyLegalEntity/cbc:RegistrationName stayed empty, typically on a newly created branch or point-of-sale profile.",
            ar: "رُبط الاسم التجاري أو اسم الفرع فقط وبقي الاسم المسجل في cac:PartyLegalEntity/cbc:RegistrationName فارغاً، وهذا معتاد في فرع أو ملف نقطة بيع أُنشئ حديثاً."
        ),
        RuleCause(
            "BR-08",
            en: "The company or branch record in the ERP has no address, or the template writes the seller address only on tax invoices and skips it on simplified invoices produced by the point-of-sale system.",
            ar: "سجل الشركة أو الفرع في نظام ERP بلا عنوان، أو أن القالب لا يكتب عنوان البائع إلا في الفواتير الضريبية ويتجاوزه في الفواتير الضريبية المبسطة الصادرة من نقاط البيع."
        ),
        RuleCause(
            "BR-09",
            en: "The address is kept as free text (for example Saudi Arabia typed in a country name field), so the mapping wrote no cac:Country/cbc:IdentificationCode or wrote the country name instead of the code.",
            ar: "يُحفظ العنوان نصاً حراً (مثل كتابة Saudi Arabia في حقل اسم الدولة)، فلم يكتب الربط cac:Country/cbc:IdentificationCode أو كتب اسم الدولة بدلاً من رمزها."
        ),
        RuleCause(
            "BR-13",
            en: "The template fills only the totals shown on the printed invoice (grand total and amount due) and leaves cbc:TaxExclusiveAmount out of cac:LegalMonetaryTotal.",
            ar: "لا يعبّئ القالب إلا الإجماليات الظاهرة في الفاتورة المطبوعة (الإجمالي النهائي والمبلغ المستحق) ويُسقط cbc:TaxExclusiveAmount من cac:LegalMonetaryTotal."
        ),
        RuleCause(
            "BR-14",
            en: "The integration writes only the amount due (cbc:PayableAmount) and omits cbc:TaxInclusiveAmount, or drops it when a prepayment brings the amount due to zero.",
            ar: "يكتب التكامل المبلغ المستحق (cbc:PayableAmount) فقط ويُغفل cbc:TaxInclusiveAmount، أو يحذفه عندما تخفّض دفعة مقدمة المبلغ المستحق إلى صفر."
        ),
        RuleCause(
            "BR-15",
            en: "The integration assumes a cash sale is already settled and skips cbc:PayableAmount, or drops the element when its value is zero after a prepayment is deducted.",
            ar: "يفترض التكامل أن البيع النقدي مسدد مسبقاً فيتجاوز cbc:PayableAmount، أو يحذف العنصر عندما تصبح قيمته صفراً بعد خصم دفعة مقدمة."
        ),
        RuleCause(
            "BR-16",
            en: "Every line was filtered out before export, for example zero-quantity lines, service or deposit items the mapping ignores, or a credit note raised for a header-level adjustment only.",
            ar: "استُبعدت جميع البنود قبل التصدير، مثل البنود ذات الكمية صفر أو أصناف الخدمات والتأمينات التي يتجاهلها الربط، أو إشعار دائن أُنشئ لتعديل على مستوى المستند فقط."
        ),
        RuleCause(
            "BR-21",
            en: "The ERP's line key was not mapped to cac:InvoiceLine/cbc:ID, or lines generated from bundles, kits or modifiers in the point-of-sale system were added without a number.",
            ar: "لم يُربط مفتاح البند في نظام ERP بالحقل cac:InvoiceLine/cbc:ID، أو أُضيفت بنود متولدة من الحزم أو الأطقم أو الإضافات في نظام نقاط البيع بلا رقم."
        ),
        RuleCause(
            "BR-22",
            en: "Service lines, fees and lump-sum items are stored in the ERP without a quantity, so cbc:InvoicedQuantity is omitted instead of being sent as 1.",
            ar: "تُخزَّن بنود الخدمات والرسوم والمبالغ المقطوعة في نظام ERP بلا كمية، فيُحذف cbc:InvoicedQuantity بدلاً من إرساله بالقيمة 1."
        ),
        RuleCause(
            "BR-24",
            en: "The template writes the unit price and the line total with VAT but not cbc:LineExtensionAmount, which many ERPs and point-of-sale systems do not store as a separate field.",
            ar: "يكتب القالب سعر الوحدة وإجمالي البند شاملاً الضريبة دون cbc:LineExtensionAmount، الذي لا تحفظه كثير من أنظمة ERP ونقاط البيع حقلاً مستقلاً."
        ),
        RuleCause(
            "BR-25",
            en: "The item master has only a code or SKU and an empty description, or a free-text line typed at the counter was sent without a name.",
            ar: "لا يحتوي سجل الصنف الرئيسي إلا على رمز أو رقم مخزون مع وصف فارغ، أو أُرسل بند نصي حر أُدخل عند نقطة البيع بلا اسم."
        ),
        RuleCause(
            "BR-26",
            en: "Only the line total was sent and cac:Price/cbc:PriceAmount was left out, which is common for lump-sum service lines and for point-of-sale systems that keep only the VAT-inclusive shelf price.",
            ar: "أُرسل إجمالي البند فقط وأُغفل cac:Price/cbc:PriceAmount، وهذا شائع في بنود الخدمات بمبلغ مقطوع وفي أنظمة نقاط البيع التي لا تحفظ إلا سعر الرف شاملاً الضريبة."
        ),
        RuleCause(
            "BR-31",
            en: "A discount defined in the ERP only as a percentage was exported without computing its amount, so cac:AllowanceCharge carries cbc:MultiplierFactorNumeric but no cbc:Amount.",
            ar: "صُدّر خصم معرّف في نظام ERP بنسبة مئوية فقط دون احتساب مبلغه، فجاء cac:AllowanceCharge يحمل cbc:MultiplierFactorNumeric بلا cbc:Amount."
        ),
        RuleCause(
            "BR-32",
            en: "The ERP books a document-level discount as a payment adjustment with no tax code, so the allowance goes out without cac:TaxCategory.",
            ar: "يسجل نظام ERP الخصم على مستوى المستند تسويةً على الدفع بلا رمز ضريبي، فيصدر الخصم دون cac:TaxCategory."
        ),
        RuleCause(
            "BR-36",
            en: "A fee such as delivery or service charge is configured as a percentage and was exported without its computed amount, or the template wrote an empty charge when the fee was not applied.",
            ar: "ضُبط رسم مثل رسوم التوصيل أو الخدمة بنسبة مئوية وصُدّر دون مبلغه المحسوب، أو كتب القالب رسماً إضافياً فارغاً عندما لم يُطبَّق الرسم."
        ),
        RuleCause(
            "BR-37",
            en: "Delivery and service fees are posted to a revenue account without a tax code in the ERP, so the charge is sent without cac:TaxCategory.",
            ar: "تُرحَّل رسوم التوصيل والخدمة إلى حساب إيرادات بلا رمز ضريبي في نظام ERP، فيُرسل الرسم الإضافي دون cac:TaxCategory."
        ),
        RuleCause(
            "BR-41",
            en: "A line discount given as a percentage was mapped to the line's cac:AllowanceCharge without its computed amount, or a zero discount was written as an empty allowance element.",
            ar: "رُبط خصم البند المعطى بنسبة مئوية بعنصر cac:AllowanceCharge داخل البند دون مبلغه المحسوب، أو كُتب خصم قيمته صفر عنصراً فارغاً."
        ),
        RuleCause(
            "BR-43",
            en: "A line surcharge (for example a packaging or installation fee) set up as a percentage was exported without its amount, or the template emits an empty charge on every line.",
            ar: "صُدّر رسم إضافي على البند (مثل رسوم التغليف أو التركيب) مضبوط بنسبة مئوية دون مبلغه، أو أن القالب يُصدر رسماً فارغاً في كل بند."
        ),
        RuleCause(
            "BR-45",
            en: "The VAT breakdown was built from the ERP's tax postings, which store only the tax amount, so cbc:TaxableAmount is missing from cac:TaxSubtotal.",
            ar: "بُني تفصيل ضريبة القيمة المضافة من قيود الضريبة في نظام ERP التي لا تحفظ إلا مبلغ الضريبة، فغاب cbc:TaxableAmount عن cac:TaxSubtotal."
        ),
        RuleCause(
            "BR-46",
            en: "For zero-rated, exempt or out-of-scope entries the integration skipped cbc:TaxAmount because the value is zero, instead of writing 0.00.",
            ar: "أغفل التكامل cbc:TaxAmount في سطور الفئات الخاضعة لنسبة الصفر أو المعفاة أو غير الخاضعة لأن القيمة صفر، بدلاً من كتابة 0.00."
        ),
        RuleCause(
            "BR-47",
            en: "The breakdown was grouped by rate instead of by category and no cac:TaxCategory/cbc:ID was written, which also merges zero-rated and exempt amounts that share the rate 0.",
            ar: "جُمّع التفصيل حسب النسبة لا حسب الفئة ولم يُكتب cac:TaxCategory/cbc:ID، مما يدمج أيضاً مبالغ الفئة الخاضعة لنسبة الصفر والمعفاة لأن نسبتهما صفر."
        ),
        RuleCause(
            "BR-48",
            en: "The integration omitted cbc:Percent on the Z or E entry because the rate is zero, or the ERP keeps the rate on the lines only and not on the tax summary.",
            ar: "أغفل التكامل cbc:Percent في سطر الفئة Z أو E لأن النسبة صفر، أو أن نظام ERP يحفظ النسبة على البنود فقط لا في ملخص الضريبة."
        ),
        RuleCause(
            "BR-49",
            en: "The payment method (cash, mada, transfer) was written as text without a code, or a credit note carries cac:PaymentMeans only to hold the reason in cbc:InstructionNote and the code was left empty.",
            ar: "كُتبت طريقة الدفع (نقداً، مدى، تحويل) نصاً بلا رمز، أو يحمل الإشعار الدائن cac:PaymentMeans لمجرد وضع السبب في cbc:InstructionNote فتُرك الرمز فارغاً."
        ),
        RuleCause(
            "BR-52",
            en: "A file or reference (delivery note, contract, purchase order) was added as cac:AdditionalDocumentReference without cbc:ID, because the attachment in the ERP has no document number.",
            ar: "أُضيف ملف أو مرجع (سند تسليم أو عقد أو أمر شراء) في cac:AdditionalDocumentReference دون cbc:ID، لأن المرفق في نظام ERP لا يحمل رقم مستند."
        ),
        RuleCause(
            "BR-53",
            en: "On a foreign-currency invoice the VAT total was written only in the invoice currency and the second cac:TaxTotal in SAR was skipped, usually because no exchange rate was known when the invoice was generated.",
            ar: "في فاتورة بعملة أجنبية كُتب إجمالي الضريبة بعملة الفاتورة فقط وأُغفل عنصر cac:TaxTotal الثاني بالريال السعودي، غالباً لعدم توفر سعر الصرف عند إنشاء الفاتورة."
        ),
        RuleCause(
            "BR-54",
            en: "Product variants such as size or colour are exported as cac:AdditionalItemProperty even when not set, leaving an empty value, or with a value and no name.",
            ar: "تُصدَّر خصائص الأصناف مثل المقاس أو اللون في cac:AdditionalItemProperty حتى عندما لا تكون محددة فتبقى القيمة فارغة، أو تُصدَّر بقيمة دون اسم."
        ),
        RuleCause(
            "BR-55",
            en: "The credit or debit note was created in the ERP without linking it to the original invoice, so cac:BillingReference is written with an empty cbc:ID.",
            ar: "أُنشئ الإشعار الدائن أو المدين في نظام ERP دون ربطه بالفاتورة الأصلية، فكُتب cac:BillingReference بحقل cbc:ID فارغ."
        ),
        RuleCause(
            "BR-CL-01",
            en: "The ERP's own document codes (INV, CN, 1, 2) or a code from another scheme were written in cbc:InvoiceTypeCode instead of the UNTDID 1001 number.",
            ar: "كُتبت رموز المستندات الخاصة بنظام ERP (مثل INV أو CN أو 1 أو 2) أو رمز من نظام ترميز آخر في cbc:InvoiceTypeCode بدلاً من رقم قائمة UNTDID 1001."
        ),
        RuleCause(
            "BR-CL-03",
            en: "Amounts carry a local label such as SR, RS or the Arabic abbreviation of riyal in the currencyID attribute, or the attribute was copied from an empty or lowercase currency field.",
            ar: "تحمل المبالغ في السمة currencyID تسمية محلية مثل SR أو RS أو اختصار كلمة ريال بالعربية، أو نُسخت السمة من حقل عملة فارغ أو مكتوب بأحرف صغيرة."
        ),
        RuleCause(
            "BR-CL-04",
            en: "The invoice currency was written as the ERP's display label (SR, Riyal) or in lowercase instead of the ISO 4217 code SAR.",
            ar: "كُتبت عملة الفاتورة بالتسمية المعروضة في نظام ERP (مثل SR أو Riyal) أو بأحرف صغيرة بدلاً من رمز ISO 4217 وهو SAR."
        ),
        RuleCause(
            "BR-CL-05",
            en: "The tax currency was filled from a display label such as SR or Riyal, often hard-coded in an older template, instead of the ISO code SAR.",
            ar: "عُبّئت عملة الضريبة من تسمية معروضة مثل SR أو Riyal، وكثيراً ما تكون مثبتة في قالب قديم، بدلاً من رمز ISO وهو SAR."
        ),
        RuleCause(
            "BR-CL-14",
            en: "Country codes were written in lowercase (sa), as three letters (SAU) or as a country name, usually copied from free-text address fields in the customer record.",
            ar: "كُتبت رموز الدول بأحرف صغيرة (sa) أو بثلاثة أحرف (SAU) أو باسم الدولة، وغالباً ما تُنسخ من حقول عنوان نصية حرة في سجل العميل."
        ),
        RuleCause(
            "BR-CL-16",
            en: "The ERP's internal payment method numbers or names (CASH, MADA, 1, 2) were written as the payment means code instead of a UNCL 4461 code.",
            ar: "كُتبت أرقام أو أسماء طرق الدفع الداخلية في نظام ERP (مثل CASH أو MADA أو 1 أو 2) رمزاً لوسيلة الدفع بدلاً من رمز من قائمة UNCL 4461."
        ),
        RuleCause(
            "BR-CL-18",
            en: "The ERP's own tax codes (VAT15, ZR, EX) or the rate itself were copied into the category ID instead of the UNCL 5305 letter.",
            ar: "نُسخت رموز الضريبة الخاصة بنظام ERP (مثل VAT15 أو ZR أو EX) أو النسبة نفسها في معرّف الفئة بدلاً من الحرف المعتمد في قائمة UNCL 5305."
        ),
        RuleCause(
            "BR-CL-KSA-14",
            en: "The QR step ran after the XML was exported or failed silently, so no QR reference was written; or the QR grew too long because a very long seller name, or Arabic and English names together, went into tag 1.",
            ar: "نُفذت خطوة رمز الاستجابة السريعة بعد تصدير ملف XML أو فشلت دون تنبيه فلم يُكتب مرجع QR، أو طال الرمز أكثر من اللازم لأن اسماً طويلاً جداً للبائع، أو الاسمين العربي والإنجليزي معاً، وُضع في الوسم 1."
        ),
        RuleCause(
            "BR-CO-04",
            en: "Items without a tax code in the item master (new products, services, fees) were exported with no cac:ClassifiedTaxCategory.",
            ar: "صُدّرت أصناف لا تحمل رمزاً ضريبياً في سجل الأصناف (منتجات جديدة أو خدمات أو رسوم) دون cac:ClassifiedTaxCategory."
        ),
        RuleCause(
            "BR-CO-10",
            en: "The header total was taken from the ERP's stored subtotal, which was rounded differently or calculated before a line was edited or removed, instead of summing the line amounts actually written.",
            ar: "أُخذ الإجمالي من المجموع الفرعي المحفوظ في نظام ERP، الذي قُرّب بطريقة مختلفة أو حُسب قبل تعديل بند أو حذفه، بدلاً من جمع مبالغ البنود المكتوبة فعلاً."
        ),
        RuleCause(
            "BR-CO-11",
            en: "The allowance total came from the ERP's discount field while the individual allowances were written separately (or one was dropped), or line discounts were wrongly included in it.",
            ar: "أُخذ مجموع الخصومات من حقل الخصم في نظام ERP بينما كُتبت الخصومات منفردة بشكل مستقل (أو سقط أحدها)، أو أُدرجت فيه خصومات البنود خطأً."
        ),
        RuleCause(
            "BR-CO-12",
            en: "The charge total came from a separate ERP field while the charges were written individually, or a delivery fee was counted both as a charge and in the total, or line charges were included in it.",
            ar: "أُخذ مجموع الرسوم الإضافية من حقل مستقل في نظام ERP بينما كُتبت الرسوم منفردة، أو احتُسبت رسوم التوصيل رسماً إضافياً وضمن المجموع معاً، أو أُدرجت فيه رسوم البنود."
        ),
        RuleCause(
            "BR-CO-13",
            en: "The total without VAT was derived from a VAT-inclusive total divided by 1.15, or a document discount was applied to it without being written as a cac:AllowanceCharge.",
            ar: "اشتُق الإجمالي غير شامل الضريبة بقسمة إجمالي شامل الضريبة على 1.15، أو طُبق عليه خصم على مستوى المستند دون كتابته في cac:AllowanceCharge."
        ),
        RuleCause(
            "BR-CO-14",
            en: "The invoice VAT total is the sum of individually rounded line VAT amounts, while each breakdown entry computes VAT from the category's taxable amount, so the two differ by a few halalas.",
            ar: "إجمالي ضريبة الفاتورة هو مجموع مبالغ ضريبة البنود بعد تقريب كل منها، بينما يحسب كل سطر في التفصيل الضريبة من المبلغ الخاضع للفئة، فيختلف الرقمان ببضع هللات."
        ),
        RuleCause(
            "BR-CO-15",
            en: "The total with VAT was copied from the point-of-sale or ERP figure (built from VAT-inclusive prices or from per-line rounding) while the VAT total was recalculated, or a discount was applied after VAT was computed.",
            ar: "نُسخ الإجمالي شاملاً الضريبة من رقم نظام نقاط البيع أو ERP (المبني على أسعار شاملة الضريبة أو على تقريب كل بند) بينما أُعيد حساب إجمالي الضريبة، أو طُبق خصم بعد احتساب الضريبة."
        ),
        RuleCause(
            "BR-CO-16",
            en: "A prepayment, voucher or loyalty redemption was deducted from the amount due without being written as cbc:PrepaidAmount, or cash rounding was applied without cbc:PayableRoundingAmount.",
            ar: "خُصمت دفعة مقدمة أو قسيمة أو نقاط ولاء من المبلغ المستحق دون كتابتها في cbc:PrepaidAmount، أو طُبق تقريب نقدي دون cbc:PayableRoundingAmount."
        ),
        RuleCause(
            "BR-CO-17",
            en: "The category VAT is the sum of rounded line VAT amounts, or was worked out from VAT-inclusive prices, instead of the category's taxable amount times its rate.",
            ar: "ضريبة الفئة هي مجموع ضرائب البنود المقرّبة، أو حُسبت من أسعار شاملة الضريبة، بدلاً من المبلغ الخاضع للفئة مضروباً في نسبتها."
        ),
        RuleCause(
            "BR-CO-18",
            en: "The template writes only the first cac:TaxTotal (with the VAT amount) and not the one holding cac:TaxSubtotal, or skips the breakdown when the whole invoice is zero-rated or exempt.",
            ar: "لا يكتب القالب إلا عنصر cac:TaxTotal الأول (الذي يحمل مبلغ الضريبة) دون العنصر الذي يحتوي cac:TaxSubtotal، أو يتجاوز التفصيل عندما تكون الفاتورة كلها خاضعة لنسبة الصفر أو معفاة."
        ),
        RuleCause(
            "BR-CUSTOM-VALIDATION-01",
            en: "The buyer VAT field was filled with the seller's own number by a template default or a copy and paste, typically on cash-customer, intercompany or test invoices.",
            ar: "عُبّئ حقل الرقم الضريبي للمشتري برقم البائع نفسه بسبب قيمة افتراضية في القالب أو نسخ ولصق، وهذا معتاد في فواتير العميل النقدي أو البيع بين شركات المجموعة أو الفواتير التجريبية."
        ),
        RuleCause(
            "BR-DEC-01",
            en: "The discount was computed from a percentage (for example 7.5 % of 133.33) and written at full precision or as a floating-point value such as 9.999999 instead of being rounded to halalas.",
            ar: "حُسب الخصم من نسبة مئوية (مثل 7.5٪ من 133.33) وكُتب بكامل دقته أو بقيمة عائمة مثل 9.999999 بدلاً من تقريبه إلى الهللات."
        ),
        RuleCause(
            "BR-DEC-02",
            en: "The base amount of the discount was taken from an unrounded intermediate value, such as a VAT-exclusive amount derived from a VAT-inclusive price.",
            ar: "أُخذ المبلغ الأساسي للخصم من قيمة وسيطة غير مقرّبة، مثل مبلغ غير شامل الضريبة مشتق من سعر شامل الضريبة."
        ),
        RuleCause(
            "BR-DEC-05",
            en: "A percentage fee (service charge, delivery priced as a percentage) was written at full precision without rounding to halalas.",
            ar: "كُتب رسم محسوب بنسبة مئوية (رسوم خدمة أو توصيل بنسبة) بكامل دقته دون تقريبه إلى الهللات."
        ),
        RuleCause(
            "BR-DEC-06",
            en: "The base amount of the charge was copied from an unrounded subtotal, for example the sum of unit prices that carry three or four decimals.",
            ar: "نُسخ المبلغ الأساسي للرسم الإضافي من مجموع فرعي غير مقرّب، مثل مجموع أسعار وحدات تحمل ثلاث أو أربع منازل عشرية."
        ),
        RuleCause(
            "BR-DEC-09",
            en: "The sum of line amounts was computed from unrounded line values (prices with three or four decimals times quantities) and written without rounding.",
            ar: "حُسب مجموع مبالغ البنود من قيم بنود غير مقرّبة (أسعار بثلاث أو أربع منازل عشرية مضروبة في الكميات) وكُتب دون تقريب."
        ),
        RuleCause(
            "BR-DEC-10",
            en: "The allowance total adds up discounts computed from percentages at full precision and was written without rounding.",
            ar: "يجمع مجموع الخصومات خصومات محسوبة من نسب مئوية بكامل دقتها، وكُتب دون تقريب."
        ),
        RuleCause(
            "BR-DEC-11",
            en: "The charge total adds up percentage-based fees that were never rounded, and the sum was written as it came out of the calculation.",
            ar: "يجمع مجموع الرسوم الإضافية رسوماً محسوبة بنسب مئوية لم تُقرَّب، وكُتب المجموع كما خرج من عملية الحساب."
        ),
        RuleCause(
            "BR-DEC-12",
            en: "The total without VAT was derived by dividing a VAT-inclusive total by 1.15 and serialized without rounding.",
            ar: "اشتُق الإجمالي غير شامل الضريبة بقسمة إجمالي شامل الضريبة على 1.15 وكُتب دون تقريب."
        ),
        RuleCause(
            "BR-DEC-13",
            en: "The VAT total was computed as amount times 0.15 in floating point and converted to text directly, producing values such as 15.000000000000002.",
            ar: "حُسب إجمالي الضريبة بضرب المبلغ في 0.15 بأعداد عائمة وحُوّل إلى نص مباشرة، فظهرت قيم مثل 15.000000000000002."
        ),
        RuleCause(
            "BR-DEC-14",
            en: "The total with VAT was summed from unrounded parts or converted from another currency without rounding the result.",
            ar: "جُمع الإجمالي شاملاً الضريبة من أجزاء غير مقرّبة أو حُوّل من عملة أخرى دون تقريب النتيجة."
        ),
        RuleCause(
            "BR-DEC-15",
            en: "The VAT total was converted to SAR with an exchange rate that has many decimals and the product was written without rounding.",
            ar: "حُوّل إجمالي الضريبة إلى الريال السعودي بسعر صرف كثير المنازل العشرية وكُتب الناتج دون تقريب."
        ),
        RuleCause(
            "BR-DEC-16",
            en: "The prepaid amount was derived from a percentage of a contract (for example a 30 % advance) or converted from another currency and written unrounded.",
            ar: "اشتُق المبلغ المدفوع مقدماً من نسبة من قيمة عقد (مثل دفعة مقدمة بنسبة 30٪) أو حُوّل من عملة أخرى وكُتب دون تقريب."
        ),
        RuleCause(
            "BR-DEC-17",
            en: "The rounding amount was computed as the difference between an unrounded and a rounded total, giving a value such as 0.004.",
            ar: "حُسب مبلغ التقريب على أنه الفرق بين إجمالي غير مقرّب وآخر مقرّب، فنتجت قيمة مثل 0.004."
        ),
        RuleCause(
            "BR-DEC-18",
            en: "The amount due was computed from unrounded totals or after subtracting an unrounded prepayment, and written as it came out of the calculation.",
            ar: "حُسب المبلغ المستحق من إجماليات غير مقرّبة أو بعد طرح دفعة مقدمة غير مقرّبة، وكُتب كما خرج من عملية الحساب."
        ),
        RuleCause(
            "BR-DEC-19",
            en: "The taxable amount of a category was summed from unrounded line amounts or from VAT-inclusive prices divided by 1.15.",
            ar: "جُمع المبلغ الخاضع للضريبة لفئة ما من مبالغ بنود غير مقرّبة أو من أسعار شاملة الضريبة مقسومة على 1.15."
        ),
        RuleCause(
            "BR-DEC-20",
            en: "The category VAT was computed as taxable amount times rate in floating point and written without rounding to two decimals.",
            ar: "حُسبت ضريبة الفئة بضرب المبلغ الخاضع في النسبة بأعداد عائمة وكُتبت دون تقريب إلى منزلتين عشريتين."
        ),
        RuleCause(
            "BR-DEC-23",
            en: "Unit prices carry three or four decimals (common for fuel, goods sold by weight or bulk items) and quantity times price was written without rounding.",
            ar: "تحمل أسعار الوحدات ثلاث أو أربع منازل عشرية (وهذا شائع في الوقود والسلع الموزونة والبضائع بالجملة)، وكُتب حاصل الكمية في السعر دون تقريب."
        ),
        RuleCause(
            "BR-DEC-24",
            en: "A line discount given as a percentage was written at full precision instead of being rounded to halalas.",
            ar: "كُتب خصم البند المعطى بنسبة مئوية بكامل دقته بدلاً من تقريبه إلى الهللات."
        ),
        RuleCause(
            "BR-DEC-25",
            en: "The base of the line discount was quantity times a price with more than two decimals, written without rounding.",
            ar: "كان أساس خصم البند حاصل ضرب الكمية في سعر بأكثر من منزلتين عشريتين، وكُتب دون تقريب."
        ),
        RuleCause(
            "BR-DEC-27",
            en: "A line surcharge computed as a percentage was written at full precision instead of being rounded to halalas.",
            ar: "كُتب رسم إضافي على البند محسوب بنسبة مئوية بكامل دقته بدلاً من تقريبه إلى الهللات."
        ),
        RuleCause(
            "BR-DEC-28",
            en: "The base of the line surcharge was an unrounded quantity times price, written as it came out of the calculation.",
            ar: "كان أساس الرسم الإضافي على البند حاصل ضرب كمية في سعر غير مقرّب، وكُتب كما خرج من عملية الحساب."
        ),
        RuleCause(
            "BR-E-01",
            en: "Lines are marked exempt, but the breakdown is built from a fixed list of tax codes that only covers the standard (and perhaps zero) rate, so no E entry is written.",
            ar: "وُسمت بنود بأنها معفاة، لكن التفصيل يُبنى من قائمة ثابتة من رموز الضريبة لا تشمل إلا النسبة الأساسية (وربما نسبة الصفر)، فلا يُكتب سطر للفئة E."
        ),
        RuleCause(
            "BR-E-05",
            en: "The exempt tax code in the ERP was set up with a non-zero rate, or the line kept the default 15 % rate while its category was changed to E by hand.",
            ar: "أُعدّ رمز الإعفاء في نظام ERP بنسبة غير صفرية، أو احتفظ البند بالنسبة الافتراضية 15٪ بينما غُيّرت فئته يدوياً إلى E."
        ),
        RuleCause(
            "BR-E-06",
            en: "The document discount inherited the invoice's default 15 % rate while its category was set to E to match the exempt lines.",
            ar: "ورث الخصم على مستوى المستند النسبة الافتراضية للفاتورة 15٪ بينما ضُبطت فئته على E لتوافق البنود المعفاة."
        ),
        RuleCause(
            "BR-E-07",
            en: "The document charge inherited the default 15 % rate while its category was set to E to match the exempt lines.",
            ar: "ورث الرسم الإضافي على مستوى المستند النسبة الافتراضية 15٪ بينما ضُبطت فئته على E لتوافق البنود المعفاة."
        ),
        RuleCause(
            "BR-E-08",
            en: "A discount or charge on exempt lines was left out of, or wrongly added to, the E taxable amount, or the E entry was built from tax postings that ignore document-level allowances.",
            ar: "لم يُحتسب خصم أو رسم على البنود المعفاة في المبلغ الخاضع للفئة E أو أُضيف إليه خطأً، أو بُني سطر الفئة E من قيود ضريبية تتجاهل الخصومات على مستوى المستند."
        ),
        RuleCause(
            "BR-E-09",
            en: "VAT was computed on the exempt amount because the exempt tax code has a rate, or a rounding difference from other categories was booked on the E entry.",
            ar: "احتُسبت ضريبة على المبلغ المعفى لأن لرمز الإعفاء نسبة، أو سُجّل فرق تقريب من فئات أخرى على سطر الفئة E."
        ),
        RuleCause(
            "BR-KSA-03",
            en: "The invoice number or an ERP record ID was reused as the UUID, or the UUID was generated with braces, underscores or spaces (for example a GUID formatted as {...}), or left empty.",
            ar: "أُعيد استخدام رقم الفاتورة أو معرّف سجل في نظام ERP بوصفه UUID، أو وُلّد المعرّف بأقواس أو شرطات سفلية أو مسافات (مثل GUID بصيغة {...})، أو تُرك فارغاً."
        ),
        RuleCause(
            "BR-KSA-04",
            en: "The server or point-of-sale terminal has a wrong clock or time-zone setting, so invoices issued shortly after midnight carry tomorrow's date, or a user post-dated the invoice in the ERP.",
            ar: "ساعة الخادم أو جهاز نقاط البيع أو إعداد المنطقة الزمنية فيه خاطئ، فتحمل الفواتير الصادرة بعد منتصف الليل بقليل تاريخ اليوم التالي، أو أن مستخدماً قدّم تاريخ الفاتورة في نظام ERP."
        ),
        RuleCause(
            "BR-KSA-05",
            en: "The ERP uses a type code that is valid in UNTDID 1001 but not accepted by ZATCA, such as 380 (commercial invoice) from an EN 16931 template, 384 (corrected invoice) or 389 (self-billed invoice).",
            ar: "يستخدم نظام ERP رمز نوع صالحاً في قائمة UNTDID 1001 لكن الهيئة لا تقبله، مثل 380 (الفاتورة التجارية) من قالب EN 16931، أو 384 (الفاتورة المصححة)، أو 389 (فاتورة الفوترة الذاتية)."
        ),
        RuleCause(
            "BR-KSA-06",
            en: "The name attribute of cbc:InvoiceTypeCode was left out because the template was built for generic UBL or EN 16931, or it holds a value of the wrong length or a word such as Standard or Simplified.",
            ar: "أُغفلت السمة name في cbc:InvoiceTypeCode لأن القالب بُني لصيغة UBL العامة أو EN 16931، أو أنها تحمل قيمة بطول خاطئ أو كلمة مثل Standard أو Simplified."
        ),
        RuleCause(
            "BR-KSA-07",
            en: "The export and self-billing flags come from independent settings in the ERP and both were switched on, for example when a self-billing template was reused for an export sale.",
            ar: "تأتي علامتا التصدير والفوترة الذاتية من إعدادين مستقلين في نظام ERP وفُعّلتا معاً، مثلاً عند إعادة استخدام قالب فوترة ذاتية لعملية بيع تصديرية."
        ),
        RuleCause(
            "BR-KSA-08",
            en: "The commercial registration number was not mapped, was entered with spaces, dashes or the letters CR, carries a missing or misspelt schemeID, or several seller IDs were sent at once.",
            ar: "لم يُربط رقم السجل التجاري، أو أُدخل بمسافات أو شرطات أو بالحرفين CR، أو يحمل schemeID ناقصاً أو مكتوباً خطأً، أو أُرسلت عدة معرّفات للبائع في آن واحد."
        ),
        RuleCause(
            "BR-KSA-09",
            en: "The seller address was mapped from a generic address form that has no building number or district fields, so those parts of the national address are missing or packed into the street line.",
            ar: "رُبط عنوان البائع من نموذج عنوان عام لا يحتوي على حقلي رقم المبنى والحي، فغابت هذه الأجزاء من العنوان الوطني أو حُشرت في سطر الشارع."
        ),
        RuleCause(
            "BR-KSA-10",
            en: "The business customer was created in the ERP with only a name and VAT number and no address, or the address is a single free-text line the mapping cannot split into street and city.",
            ar: "أُنشئ العميل التجاري في نظام ERP بالاسم والرقم الضريبي فقط دون عنوان، أو أن العنوان سطر نصي حر واحد لا يستطيع الربط تقسيمه إلى شارع ومدينة."
        ),
        RuleCause(
            "BR-KSA-11",
            en: "The out-of-scope tax code was created in the ERP with the default 15 % rate, or a line's category was switched to O by hand without clearing the rate.",
            ar: "أُنشئ رمز الضريبة لغير الخاضع في نظام ERP بالنسبة الافتراضية 15٪، أو غُيّرت فئة البند يدوياً إلى O دون تصفير النسبة."
        ),
        RuleCause(
            "BR-KSA-12",
            en: "The document discount kept the invoice's default rate while its category was set to O to match out-of-scope lines.",
            ar: "احتفظ الخصم على مستوى المستند بالنسبة الافتراضية للفاتورة بينما ضُبطت فئته على O لتوافق البنود غير الخاضعة للضريبة."
        ),
        RuleCause(
            "BR-KSA-13",
            en: "The document charge kept the invoice's default rate while its category was set to O, for example for fees collected on behalf of a third party.",
            ar: "احتفظ الرسم الإضافي على مستوى المستند بالنسبة الافتراضية للفاتورة بينما ضُبطت فئته على O، مثل الرسوم المحصّلة نيابة عن طرف آخر."
        ),
        RuleCause(
            "BR-KSA-14",
            en: "The buyer ID was sent with the ERP's own label as schemeID (such as CR, ID or Iqama) or none at all, or the value contains dashes, spaces or slashes copied from the printed document.",
            ar: "أُرسل معرّف المشتري مع تسمية خاصة بنظام ERP في schemeID (مثل CR أو ID أو Iqama) أو دونها، أو أن القيمة تتضمن شرطات أو مسافات أو خطوطاً مائلة منسوخة من المستند المطبوع."
        ),
        RuleCause(
            "BR-KSA-15",
            en: "The ERP has no separate supply or delivery date, and the template omits cac:Delivery/cbc:ActualDeliveryDate because it was first written for simplified invoices, where it is not needed.",
            ar: "لا يحتوي نظام ERP على تاريخ توريد أو تسليم مستقل، ويُغفل القالب cac:Delivery/cbc:ActualDeliveryDate لأنه كُتب أصلاً للفواتير الضريبية المبسطة التي لا تتطلبه."
        ),
        RuleCause(
            "BR-KSA-16",
            en: "The payment method was mapped to the ERP's internal payment-method number or to a code outside the subset of UNTDID 4461 that ZATCA accepts.",
            ar: "رُبطت طريقة الدفع برقم طريقة الدفع الداخلي في نظام ERP أو برمز خارج مجموعة رموز UNTDID 4461 التي تقبلها الهيئة."
        ),
        RuleCause(
            "BR-KSA-17",
            en: "The note was created from a return or price-change screen that has no reason field, or the reason was written to cbc:Note instead of cac:PaymentMeans/cbc:InstructionNote.",
            ar: "أُنشئ الإشعار من شاشة مرتجعات أو تعديل أسعار لا تحتوي على حقل للسبب، أو كُتب السبب في cbc:Note بدلاً من cac:PaymentMeans/cbc:InstructionNote."
        ),
        RuleCause(
            "BR-KSA-18",
            en: "Tax setups copied from other countries use EN 16931 categories such as AE (reverse charge), K or G, or the ERP's own tax codes were written as the category.",
            ar: "تستخدم إعدادات ضريبية منقولة من دول أخرى فئات EN 16931 مثل AE (الاحتساب العكسي) أو K أو G، أو كُتبت رموز الضريبة الخاصة بنظام ERP بوصفها الفئة."
        ),
        RuleCause(
            "BR-KSA-19",
            en: "Delivery and service fees are exported with a text description only; a mapping from the ERP's fee types to UNTDID 7161 reason codes (such as FC for freight) was never set up.",
            ar: "تُصدَّر رسوم التوصيل والخدمة بوصف نصي فقط، ولم يُعدّ قط ربط بين أنواع الرسوم في نظام ERP ورموز الأسباب في قائمة UNTDID 7161 (مثل FC للشحن)."
        ),
        RuleCause(
            "BR-KSA-20",
            en: "Line surcharges are exported with a description only, because the ERP's line-fee types were never mapped to UNTDID 7161 reason codes.",
            ar: "تُصدَّر الرسوم الإضافية على البنود بوصف فقط، لأن أنواع رسوم البنود في نظام ERP لم تُربط قط برموز الأسباب في قائمة UNTDID 7161."
        ),
        RuleCause(
            "BR-KSA-21",
            en: "The integration writes the reason code but no text, or the description of the fee in the ERP is empty.",
            ar: "يكتب التكامل رمز السبب دون نص، أو أن وصف الرسم في نظام ERP فارغ."
        ),
        RuleCause(
            "BR-KSA-22",
            en: "The line charge is written with its reason code only, or the fee item in the ERP has no description.",
            ar: "يُكتب الرسم الإضافي على البند برمز السبب فقط، أو أن صنف الرسم في نظام ERP بلا وصف."
        ),
        RuleCause(
            "BR-KSA-23",
            en: "The exempt tax code in the ERP carries only a rate and no VATEX-SA exemption code, so the E entry is written without cbc:TaxExemptionReasonCode.",
            ar: "لا يحمل رمز الإعفاء في نظام ERP إلا نسبة دون رمز إعفاء VATEX-SA، فيُكتب سطر الفئة E دون cbc:TaxExemptionReasonCode."
        ),
        RuleCause(
            "BR-KSA-24",
            en: "Out-of-scope items use a tax code that has no reason attached, and the integration does not add VATEX-SA-OOS automatically.",
            ar: "تستخدم الأصناف غير الخاضعة للضريبة رمزاً ضريبياً بلا سبب مرفق، ولا يضيف التكامل VATEX-SA-OOS تلقائياً."
        ),
        RuleCause(
            "BR-KSA-25",
            en: "A school or clinic issued simplified invoices with the citizen education or healthcare code but did not capture the buyer's name at the counter.",
            ar: "أصدرت مدرسة أو عيادة فواتير ضريبية مبسطة برمز التعليم أو الرعاية الصحية للمواطنين دون تسجيل اسم المشتري عند نقطة البيع."
        ),
        RuleCause(
            "BR-KSA-26",
            en: "The previous hash was stored in hex, set to MA== (base64 of 0) instead of the official first-invoice value, or truncated by a too-short database column.",
            ar: "حُفظ رمز التجزئة السابق بالصيغة الست عشرية، أو ضُبط على MA== (ترميز base64 للصفر) بدلاً من القيمة الرسمية لأول فاتورة، أو اقتُطع بسبب عمود قصير في قاعدة البيانات."
        ),
        RuleCause(
            "BR-KSA-27",
            en: "The QR was produced only as an image on the printout and never embedded in the XML, or it was embedded with line breaks, a data: prefix or the wrong mimeCode.",
            ar: "أُنتج رمز الاستجابة السريعة صورةً على النسخة المطبوعة فقط ولم يُضمَّن في ملف XML، أو ضُمّن مع فواصل أسطر أو بادئة data: أو بقيمة mimeCode خاطئة."
        ),
        RuleCause(
            "BR-KSA-28",
            en: "The signature block was built by hand or copied from a sample and edited, leaving a typo or a different value in sac:SignatureInformation/cbc:ID.",
            ar: "بُنيت كتلة التوقيع يدوياً أو نُسخت من نموذج وعُدّلت، فبقي خطأ إملائي أو قيمة مختلفة في sac:SignatureInformation/cbc:ID."
        ),
        RuleCause(
            "BR-KSA-29",
            en: "The template changed cac:Signature/cbc:ID or sbc:ReferencedSignatureID, for example to the invoice number, or to a CreditNote variant on credit notes.",
            ar: "غيّر القالب cac:Signature/cbc:ID أو sbc:ReferencedSignatureID، مثلاً إلى رقم الفاتورة، أو إلى صيغة CreditNote في الإشعارات الدائنة."
        ),
        RuleCause(
            "BR-KSA-30",
            en: "cac:Signature/cbc:SignatureMethod was filled with the XML-DSig algorithm URI (ecdsa-sha256) that belongs in ds:SignatureMethod, or left empty.",
            ar: "عُبّئ cac:Signature/cbc:SignatureMethod بمعرّف خوارزمية XML-DSig (ecdsa-sha256) الذي مكانه ds:SignatureMethod، أو تُرك فارغاً."
        ),
        RuleCause(
            "BR-KSA-31",
            en: "The self-billing flag was set on simplified invoices by a template default, or the positions of the flags in the seven-character code were miscounted.",
            ar: "ضُبطت علامة الفوترة الذاتية في الفواتير الضريبية المبسطة بسبب قيمة افتراضية في القالب، أو أُخطئ في عدّ مواضع العلامات داخل الرمز المكوّن من سبعة أحرف."
        ),
        RuleCause(
            "BR-KSA-33",
            en: "The counter is added only in the signing step and the unsigned XML was submitted or validated, or the integration never wrote the ICV reference at all.",
            ar: "لا يُضاف العداد إلا في خطوة التوقيع فأُرسل ملف XML غير الموقّع أو تُحقق منه، أو لم يكتب التكامل مرجع ICV أصلاً."
        ),
        RuleCause(
            "BR-KSA-34",
            en: "The invoice number (such as INV-0001) or a counter with a branch prefix was used as the ICV instead of a plain number.",
            ar: "استُخدم رقم الفاتورة (مثل INV-0001) أو عدّاد ببادئة الفرع قيمةً لعداد الفواتير ICV بدلاً من رقم مجرد."
        ),
        RuleCause(
            "BR-KSA-35",
            en: "The integration writes the end of the period (cbc:LatestDeliveryDate) for subscriptions or contracts but has no source for the start date.",
            ar: "يكتب التكامل نهاية الفترة (cbc:LatestDeliveryDate) للاشتراكات أو العقود لكنه لا يملك مصدراً لتاريخ البداية."
        ),
        RuleCause(
            "BR-KSA-36",
            en: "Start and end dates were swapped in the mapping, or one of them was entered as day/month while the other was read as month/day.",
            ar: "تبادل التاريخان موقعيهما في الربط، أو أُدخل أحدهما بصيغة يوم/شهر بينما قُرئ الآخر بصيغة شهر/يوم."
        ),
        RuleCause(
            "BR-KSA-37",
            en: "The building number was entered together with the additional number, with letters, or stored as a number so leading zeros were lost.",
            ar: "أُدخل رقم المبنى مع الرقم الإضافي، أو بحروف، أو حُفظ رقماً فضاعت الأصفار البادئة."
        ),
        RuleCause(
            "BR-KSA-39",
            en: "The VAT number is configured on the company but not on the branch or terminal profile used for the invoice, or the mapping wrote it into cac:PartyIdentification instead of cac:PartyTaxScheme/cbc:CompanyID.",
            ar: "الرقم الضريبي مضبوط على مستوى الشركة لا على ملف الفرع أو الجهاز الذي صدرت منه الفاتورة، أو كتبه الربط في cac:PartyIdentification بدلاً من cac:PartyTaxScheme/cbc:CompanyID."
        ),
        RuleCause(
            "BR-KSA-40",
            en: "The seller VAT number was entered with spaces or an SA prefix, lost digits when stored as a number, or was replaced by the 10-digit TIN or the commercial registration number.",
            ar: "أُدخل الرقم الضريبي للبائع بمسافات أو ببادئة SA، أو فقد أرقاماً عند حفظه رقماً، أو استُبدل به الرقم المميز المكوّن من 10 أرقام أو رقم السجل التجاري."
        ),
        RuleCause(
            "BR-KSA-42",
            en: "The business customer was picked by VAT number only, or a walk-in cash-customer record was used on a tax invoice, so the buyer's registration name is empty.",
            ar: "اختير العميل التجاري برقمه الضريبي فقط، أو استُخدم سجل العميل النقدي العابر في فاتورة ضريبية، فبقي الاسم المسجل للمشتري فارغاً."
        ),
        RuleCause(
            "BR-KSA-44",
            en: "The buyer VAT number was typed by hand with a digit missing or added, includes spaces or a prefix, or the commercial registration number was entered in the VAT field.",
            ar: "أُدخل الرقم الضريبي للمشتري يدوياً بنقص رقم أو زيادته، أو يتضمن مسافات أو بادئة، أو أُدخل رقم السجل التجاري في حقل الرقم الضريبي."
        ),
        RuleCause(
            "BR-KSA-49",
            en: "The clinic or school used the citizen exemption code but identified the buyer by iqama, passport or no ID at all, or sent the national ID under a scheme other than NAT.",
            ar: "استخدمت العيادة أو المدرسة رمز الإعفاء الخاص بالمواطنين لكنها عرّفت المشتري برقم الإقامة أو جواز السفر أو دون هوية، أو أرسلت رقم الهوية الوطنية بنظام معرّف غير NAT."
        ),
        RuleCause(
            "BR-KSA-51",
            en: "The line amount with VAT was taken from the point-of-sale VAT-inclusive price while the line VAT was recalculated and rounded separately, so the two differ by a halala.",
            ar: "أُخذ مبلغ البند شاملاً الضريبة من السعر الشامل في نظام نقاط البيع بينما أُعيد حساب ضريبة البند وتقريبها على حدة، فاختلفا بهللة."
        ),
        RuleCause(
            "BR-KSA-52",
            en: "The template written for simplified invoices was reused for tax invoices, and it omits the line-level cac:TaxTotal.",
            ar: "أُعيد استخدام القالب المكتوب للفواتير الضريبية المبسطة في الفواتير الضريبية، وهو يُغفل عنصر cac:TaxTotal على مستوى البند."
        ),
        RuleCause(
            "BR-KSA-53",
            en: "The line cac:TaxTotal carries cbc:TaxAmount but not cbc:RoundingAmount, because the template follows the EN 16931 model, which has no line amount with VAT.",
            ar: "يحمل عنصر cac:TaxTotal في البند cbc:TaxAmount دون cbc:RoundingAmount، لأن القالب يتبع نموذج EN 16931 الذي لا يتضمن مبلغ البند شاملاً الضريبة."
        ),
        RuleCause(
            "BR-KSA-56",
            en: "The return was processed without selecting the original sale, for example a point-of-sale refund entered as a negative sale, so the note carries no billing reference.",
            ar: "عولج المرتجع دون اختيار عملية البيع الأصلية، مثل استرداد في نقاط البيع أُدخل بيعاً سالباً، فلا يحمل الإشعار مرجعاً للفاتورة."
        ),
        RuleCause(
            "BR-KSA-60",
            en: "The simplified invoice was sent unsigned on the assumption that ZATCA stamps it as it does in clearance, or the signing step failed silently and the unsigned XML went out.",
            ar: "أُرسلت الفاتورة الضريبية المبسطة دون توقيع بافتراض أن الهيئة تختمها كما في الاعتماد (Clearance)، أو فشلت خطوة التوقيع دون تنبيه فخرج ملف XML غير موقّع."
        ),
        RuleCause(
            "BR-KSA-61",
            en: "The first invoice of a new unit was sent without a PIH instead of the official first-invoice value, or the chain state was lost after a reinstall or restore, so the integration had nothing to write.",
            ar: "أُرسلت أول فاتورة لوحدة جديدة دون PIH بدلاً من القيمة الرسمية لأول فاتورة، أو ضاعت حالة السلسلة بعد إعادة تثبيت أو استعادة نسخة احتياطية فلم يجد التكامل ما يكتبه."
        ),
        RuleCause(
            "BR-KSA-63",
            en: "Saudi business customers were imported from an older customer list without national address fields, so building number, district or postal code are missing.",
            ar: "استُورد العملاء التجاريون السعوديون من قائمة عملاء قديمة لا تحتوي على حقول العنوان الوطني، فغاب رقم المبنى أو الحي أو الرمز البريدي."
        ),
        RuleCause(
            "BR-KSA-66",
            en: "The postal code was entered with the four-digit additional number appended (12345-6789), as a city name, or lost a leading zero when stored as a number.",
            ar: "أُدخل الرمز البريدي مضافاً إليه الرقم الإضافي المكوّن من أربعة أرقام (12345-6789)، أو باسم المدينة، أو فقد صفراً بادئاً عند حفظه رقماً."
        ),
        RuleCause(
            "BR-KSA-67",
            en: "The buyer postal code was entered with the additional number appended, left empty, or filled with a placeholder such as 00000 or 0.",
            ar: "أُدخل الرمز البريدي للمشتري مضافاً إليه الرقم الإضافي، أو تُرك فارغاً، أو عُبّئ بقيمة شكلية مثل 00000 أو 0."
        ),
        RuleCause(
            "BR-KSA-68",
            en: "Templates built on generic UBL or EN 16931 leave out cbc:TaxCurrencyCode when the invoice is already in SAR, assuming it is only needed for foreign currencies.",
            ar: "تُغفل القوالب المبنية على UBL العامة أو EN 16931 العنصر cbc:TaxCurrencyCode عندما تكون الفاتورة بالريال السعودي، بافتراض أنه لا يلزم إلا للعملات الأجنبية."
        ),
        RuleCause(
            "BR-KSA-69",
            en: "The zero-rated tax code in the ERP has no VATEX-SA reason attached, so exports and other zero-rated supplies are written without cbc:TaxExemptionReasonCode.",
            ar: "لا يحمل رمز نسبة الصفر في نظام ERP سبباً من قائمة VATEX-SA، فتُكتب الصادرات وغيرها من التوريدات الخاضعة لنسبة الصفر دون cbc:TaxExemptionReasonCode."
        ),
        RuleCause(
            "BR-KSA-70",
            en: "The time was written with milliseconds, a +03:00 offset or AM/PM, or the ERP stores only a date and the template leaves cbc:IssueTime out.",
            ar: "كُتب الوقت بأجزاء الثانية أو بفارق توقيت مثل +03:00 أو بصيغة AM/PM، أو أن نظام ERP يحفظ التاريخ فقط فيُغفل القالب cbc:IssueTime."
        ),
        RuleCause(
            "BR-KSA-71",
            en: "The summary invoice for a period was produced by the same batch job as ordinary walk-in sales, which never writes a buyer name.",
            ar: "أُنتجت الفاتورة الملخصة لفترة ما بالمهمة الدفعية نفسها التي تُنتج مبيعات العملاء العابرين، وهي لا تكتب اسم المشتري أبداً."
        ),
        RuleCause(
            "BR-KSA-72",
            en: "The summary flag was set, but the billing period lives on the contract in the ERP and was not mapped to the supply start and end dates.",
            ar: "ضُبطت علامة الفاتورة الملخصة، لكن فترة الفوترة محفوظة في العقد داخل نظام ERP ولم تُربط بتاريخي بداية التوريد ونهايته."
        ),
        RuleCause(
            "BR-KSA-73",
            en: "The ERP deducted the advance as a lump sum in cbc:PrepaidAmount without adding a line that references the prepayment invoice with its number, date, time and type 386.",
            ar: "خصم نظام ERP الدفعة المقدمة مبلغاً إجمالياً في cbc:PrepaidAmount دون إضافة بند يشير إلى فاتورة الدفعة المقدمة برقمها وتاريخها ووقتها ونوعها 386."
        ),
        RuleCause(
            "BR-KSA-74",
            en: "The advance was originally issued as an ordinary invoice, so its reference on the final invoice carries 388 instead of 386.",
            ar: "صدرت الدفعة المقدمة أصلاً فاتورةً عادية، فجاء مرجعها في الفاتورة النهائية بالرمز 388 بدلاً من 386."
        ),
        RuleCause(
            "BR-KSA-75",
            en: "The prepayment line references the advance invoice but not its VAT breakdown, because the ERP keeps only the gross amount of the advance.",
            ar: "يشير بند الدفعة المقدمة إلى فاتورة الدفعة لكن دون تفصيل ضريبتها، لأن نظام ERP لا يحفظ إلا المبلغ الإجمالي للدفعة."
        ),
        RuleCause(
            "BR-KSA-76",
            en: "The prepayment line's category was set to Z while its rate was copied from the standard 15 % default.",
            ar: "ضُبطت فئة بند الدفعة المقدمة على Z بينما نُسخت نسبته من القيمة الافتراضية 15٪."
        ),
        RuleCause(
            "BR-KSA-77",
            en: "The prepayment line's category was set to E while its rate was copied from the standard 15 % default.",
            ar: "ضُبطت فئة بند الدفعة المقدمة على E بينما نُسخت نسبته من القيمة الافتراضية 15٪."
        ),
        RuleCause(
            "BR-KSA-78",
            en: "The prepayment line's category was set to O while its rate was copied from the standard 15 % default.",
            ar: "ضُبطت فئة بند الدفعة المقدمة على O بينما نُسخت نسبته من القيمة الافتراضية 15٪."
        ),
        RuleCause(
            "BR-KSA-79",
            en: "The prepaid VAT was copied from the advance invoice as issued, while the taxable amount on the line was recomputed or rounded differently, so amount times rate no longer matches.",
            ar: "نُسخت ضريبة الدفعة المقدمة من فاتورة الدفعة كما صدرت، بينما أُعيد حساب المبلغ الخاضع في البند أو قُرّب بطريقة مختلفة، فلم يعد حاصل المبلغ في النسبة مطابقاً."
        ),
        RuleCause(
            "BR-KSA-80",
            en: "The prepaid amount in the totals includes advances that are not listed as prepayment lines, or leaves out the VAT of the advance.",
            ar: "يشمل المبلغ المدفوع مقدماً في الإجماليات دفعات غير مدرجة بنوداً للدفعة المقدمة، أو يُغفل ضريبة الدفعة."
        ),
        RuleCause(
            "BR-KSA-81",
            en: "The business customer is not registered for VAT and the ERP has no field for a commercial registration or other ID, so neither identifier is sent.",
            ar: "العميل التجاري غير مسجل في ضريبة القيمة المضافة ولا يحتوي نظام ERP على حقل للسجل التجاري أو معرّف آخر، فلا يُرسل أي من المعرّفين."
        ),
        RuleCause(
            "BR-KSA-82",
            en: "The integration repeated the advance amount in the price or net amount of the prepayment line, so the advance is counted twice in the totals.",
            ar: "كرر التكامل مبلغ الدفعة المقدمة في سعر بند الدفعة أو صافي مبلغه، فاحتُسبت الدفعة مرتين في الإجماليات."
        ),
        RuleCause(
            "BR-KSA-83",
            en: "The exemption text is the ERP's own wording or language rather than ZATCA's exact text for the code, or the code and the text belong to different reasons.",
            ar: "نص الإعفاء مكتوب بصياغة نظام ERP أو بلغته لا بالنص المعتمد لدى الهيئة لهذا الرمز، أو أن الرمز والنص يعودان إلى سببين مختلفين."
        ),
        RuleCause(
            "BR-KSA-84",
            en: "The rate was written as a fraction (0.15), computed back from amounts (14.99 or 15.01), or copied from a tax code set up for another country.",
            ar: "كُتبت النسبة كسراً (0.15)، أو حُسبت عكسياً من المبالغ (14.99 أو 15.01)، أو نُسخت من رمز ضريبي مُعدّ لدولة أخرى."
        ),
        RuleCause(
            "BR-KSA-85",
            en: "The phone number was entered with spaces, dashes or brackets, or a placeholder such as N/A or a name was typed in the phone field.",
            ar: "أُدخل رقم الهاتف بمسافات أو شرطات أو أقواس، أو كُتبت قيمة شكلية مثل N/A أو اسم في حقل الهاتف."
        ),
        RuleCause(
            "BR-KSA-87",
            en: "The integration writes cac:TaxExchangeRate with only the rate or only the currencies, because the ERP stores the rate apart from the currency pair.",
            ar: "يكتب التكامل cac:TaxExchangeRate بالسعر فقط أو بالعملتين فقط، لأن نظام ERP يحفظ السعر منفصلاً عن زوج العملات."
        ),
        RuleCause(
            "BR-KSA-88",
            en: "Source and target currency were swapped, so SAR appears as the source currency of the exchange rate.",
            ar: "تبادلت عملة المصدر والعملة المستهدفة موقعيهما، فظهر الريال السعودي عملةً للمصدر في سعر الصرف."
        ),
        RuleCause(
            "BR-KSA-89",
            en: "Source and target currency were swapped, or the target was filled with the invoice currency copied from another field.",
            ar: "تبادلت العملتان موقعيهما، أو عُبّئت العملة المستهدفة بعملة الفاتورة منسوخة من حقل آخر."
        ),
        RuleCause(
            "BR-KSA-90",
            en: "The rate was computed by division and written at full floating-point precision, for example 3.7500000000000004.",
            ar: "حُسب السعر بالقسمة وكُتب بكامل دقة الأعداد العائمة، مثل 3.7500000000000004."
        ),
        RuleCause(
            "BR-KSA-92",
            en: "The government-buyer flag was set, but the contract or purchase order number from the government entity was not mapped to cac:ContractDocumentReference.",
            ar: "ضُبطت علامة المشتري الحكومي، لكن رقم العقد أو أمر الشراء الصادر من الجهة الحكومية لم يُربط بالعنصر cac:ContractDocumentReference."
        ),
        RuleCause(
            "BR-KSA-93",
            en: "The zero-rated reason of the original advance invoice was not carried over to the prepayment line on the final invoice.",
            ar: "لم يُنقل سبب نسبة الصفر من فاتورة الدفعة المقدمة الأصلية إلى بند الدفعة في الفاتورة النهائية."
        ),
        RuleCause(
            "BR-KSA-94",
            en: "The exemption reason of the original advance invoice was not carried over to the prepayment line on the final invoice.",
            ar: "لم يُنقل سبب الإعفاء من فاتورة الدفعة المقدمة الأصلية إلى بند الدفعة في الفاتورة النهائية."
        ),
        RuleCause(
            "BR-KSA-95",
            en: "The out-of-scope reason of the original advance invoice was not carried over to the prepayment line on the final invoice.",
            ar: "لم يُنقل سبب عدم الخضوع للضريبة من فاتورة الدفعة المقدمة الأصلية إلى بند الدفعة في الفاتورة النهائية."
        ),
        RuleCause(
            "BR-KSA-96",
            en: "The prepayment line carries a reason code but its text is missing or worded differently from ZATCA's text for that code.",
            ar: "يحمل بند الدفعة المقدمة رمز سبب لكن نصه غائب أو مصاغ بطريقة تختلف عن النص المعتمد لدى الهيئة لهذا الرمز."
        ),
        RuleCause(
            "BR-KSA-97",
            en: "On a foreign-currency invoice the VAT total in the invoice currency was copied into the SAR tax total without applying the exchange rate.",
            ar: "في فاتورة بعملة أجنبية نُسخ إجمالي الضريبة بعملة الفاتورة إلى إجمالي الضريبة بالريال السعودي دون تطبيق سعر الصرف."
        ),
        RuleCause(
            "BR-KSA-98",
            en: "Point-of-sale terminals queued invoices while offline or while the reporting service was down and sent them more than a day later, or a failed submission was left for someone to retry by hand.",
            ar: "احتفظت أجهزة نقاط البيع بالفواتير في قائمة انتظار أثناء انقطاع الاتصال أو تعطل خدمة الإبلاغ وأرسلتها بعد أكثر من يوم، أو تُرك إرسال فاشل لإعادة المحاولة يدوياً."
        ),
        RuleCause(
            "BR-KSA-99",
            en: "The template always writes the buyer's cac:PartyTaxScheme/cbc:CompanyID, even when the customer has no VAT number, leaving an empty element.",
            ar: "يكتب القالب دائماً cac:PartyTaxScheme/cbc:CompanyID للمشتري حتى عندما لا يكون للعميل رقم ضريبي، فيبقى العنصر فارغاً."
        ),
        RuleCause(
            "BR-KSA-CL-01",
            en: "The currency was written as a local label or a code that does not exist in ISO 4217 (SR, RS, US), or in lowercase.",
            ar: "كُتبت العملة بتسمية محلية أو برمز غير موجود في ISO 4217 (مثل SR أو RS أو US)، أو بأحرف صغيرة."
        ),
        RuleCause(
            "BR-KSA-CL-02",
            en: "Some amounts take currencyID from a different field than the others, for example a hard-coded SAR in the template on a USD invoice, or line amounts in SAR and totals in the invoice currency.",
            ar: "تأخذ بعض المبالغ السمة currencyID من حقل مختلف عن غيرها، مثل قيمة SAR مثبتة في القالب على فاتورة بالدولار، أو مبالغ بنود بالريال وإجماليات بعملة الفاتورة."
        ),
        RuleCause(
            "BR-KSA-CL-03",
            en: "A file was attached with a generic type such as application/octet-stream, a type guessed from the file extension, or an office document format.",
            ar: "أُرفق ملف بنوع عام مثل application/octet-stream، أو بنوع مستنتج من امتداد الملف، أو بصيغة مستندات مكتبية."
        ),
        RuleCause(
            "BR-KSA-CL-04",
            en: "The reason code belongs to another category (VATEX-SA-OOS on an exempt entry, an export code on an exempt supply) or was typed with a mistake or taken from an outdated list.",
            ar: "رمز السبب يعود إلى فئة أخرى (مثل VATEX-SA-OOS في سطر معفى، أو رمز تصدير لتوريد معفى)، أو كُتب بخطأ أو أُخذ من قائمة قديمة."
        ),
        RuleCause(
            "BR-KSA-CL-06",
            en: "The charge reason code was filled with the ERP's own fee code or a free-text label instead of a UNTDID 7161 code.",
            ar: "عُبّئ رمز سبب الرسم الإضافي برمز الرسم الخاص بنظام ERP أو بتسمية نصية حرة بدلاً من رمز من قائمة UNTDID 7161."
        ),
        RuleCause(
            "BR-KSA-CL-07",
            en: "The reason code on the prepayment line was copied from another category or typed by hand, so it does not fit the line's category.",
            ar: "نُسخ رمز السبب في بند الدفعة المقدمة من فئة أخرى أو أُدخل يدوياً، فلا يتوافق مع فئة البند."
        ),
        RuleCause(
            "BR-KSA-DEC-01",
            en: "The percentage was written as a fraction (0.1 for 10 %), with a % sign, or with many decimals from a computed discount such as 33.3333.",
            ar: "كُتبت النسبة كسراً (0.1 بدلاً من 10٪)، أو مع علامة ٪، أو بمنازل عشرية كثيرة ناتجة عن خصم محسوب مثل 33.3333."
        ),
        RuleCause(
            "BR-KSA-DEC-02",
            en: "The VAT rate was written as a fraction (0.15), as text with a % sign, or computed back from amounts with many decimals.",
            ar: "كُتبت نسبة الضريبة كسراً (0.15)، أو نصاً مع علامة ٪، أو حُسبت عكسياً من المبالغ بمنازل عشرية كثيرة."
        ),
        RuleCause(
            "BR-KSA-DEC-03",
            en: "The line VAT was computed as net amount times 0.15 and written at full precision, for example 1.4985.",
            ar: "حُسبت ضريبة البند بضرب صافي المبلغ في 0.15 وكُتبت بكامل دقتها، مثل 1.4985."
        ),
        RuleCause(
            "BR-KSA-DEC-04",
            en: "The line amount with VAT was built from unit prices with three or four decimals (common for fuel or goods sold by weight) and written without rounding.",
            ar: "بُني مبلغ البند شاملاً الضريبة من أسعار وحدات بثلاث أو أربع منازل عشرية (وهذا شائع في الوقود والسلع الموزونة) وكُتب دون تقريب."
        ),
        RuleCause(
            "BR-KSA-DEC-06",
            en: "The prepaid taxable amount or its VAT was derived from a percentage of a contract or split out of a VAT-inclusive advance, and written unrounded.",
            ar: "اشتُق المبلغ الخاضع للدفعة المقدمة أو ضريبتها من نسبة من قيمة عقد أو فُصل من دفعة شاملة الضريبة، وكُتب دون تقريب."
        ),
        RuleCause(
            "BR-KSA-EN16931-01",
            en: "cbc:ProfileID was left out, or filled with a Peppol or EN 16931 profile from a template reused from another country.",
            ar: "أُغفل cbc:ProfileID، أو عُبّئ بملف تعريف Peppol أو EN 16931 من قالب أُعيد استخدامه من دولة أخرى."
        ),
        RuleCause(
            "BR-KSA-EN16931-02",
            en: "On a foreign-currency invoice the template copied cbc:DocumentCurrencyCode (such as USD) into cbc:TaxCurrencyCode.",
            ar: "في فاتورة بعملة أجنبية نسخ القالب cbc:DocumentCurrencyCode (مثل USD) إلى cbc:TaxCurrencyCode."
        ),
        RuleCause(
            "BR-KSA-EN16931-03",
            en: "The amount was rounded before multiplying, or the base amount is a VAT-inclusive figure while the amount was computed on the net price.",
            ar: "قُرّب المبلغ قبل الضرب، أو أن المبلغ الأساسي رقم شامل الضريبة بينما حُسب المبلغ على السعر الصافي."
        ),
        RuleCause(
            "BR-KSA-EN16931-04",
            en: "The ERP stores the discount percentage but not the amount it applies to, so the template writes cbc:MultiplierFactorNumeric without cbc:BaseAmount.",
            ar: "يحفظ نظام ERP نسبة الخصم دون المبلغ الذي تُطبق عليه، فيكتب القالب cbc:MultiplierFactorNumeric دون cbc:BaseAmount."
        ),
        RuleCause(
            "BR-KSA-EN16931-05",
            en: "The template always writes cbc:BaseAmount (for example the line total), even for fixed-amount discounts that have no percentage.",
            ar: "يكتب القالب cbc:BaseAmount دائماً (مثل إجمالي البند) حتى في الخصومات بمبلغ ثابت التي لا نسبة لها."
        ),
        RuleCause(
            "BR-KSA-EN16931-06",
            en: "A pricing engine that models markups at price level wrote a surcharge into cac:Price/cac:AllowanceCharge with cbc:ChargeIndicator true.",
            ar: "كتب محرك تسعير يطبق الزيادات على مستوى السعر رسماً إضافياً في cac:Price/cac:AllowanceCharge مع cbc:ChargeIndicator بالقيمة true."
        ),
        RuleCause(
            "BR-KSA-EN16931-07",
            en: "The net price came from the price list while the gross price and discount came from a promotion engine, or a percentage discount was rounded differently from the net price.",
            ar: "جاء السعر الصافي من قائمة الأسعار بينما جاء السعر الإجمالي والخصم من محرك العروض الترويجية، أو قُرّب خصم بنسبة مئوية بطريقة تختلف عن السعر الصافي."
        ),
        RuleCause(
            "BR-KSA-EN16931-08",
            en: "The template writes the breakdown in both tax totals or splits categories across two cac:TaxTotal elements, or leaves the breakdown out entirely.",
            ar: "يكتب القالب التفصيل في كلا إجماليي الضريبة، أو يوزّع الفئات على عنصري cac:TaxTotal، أو يُغفل التفصيل كلياً."
        ),
        RuleCause(
            "BR-KSA-EN16931-09",
            en: "The second cac:TaxTotal (VAT in SAR, without breakdown) was left out or written twice, or it was given a copy of the breakdown from the first.",
            ar: "أُغفل عنصر cac:TaxTotal الثاني (الضريبة بالريال دون تفصيل) أو كُتب مرتين، أو أُعطي نسخة من تفصيل العنصر الأول."
        ),
        RuleCause(
            "BR-KSA-EN16931-11",
            en: "Prices are kept VAT-inclusive in the point-of-sale system and the net price was derived by dividing by 1.15, so quantity times the rounded net price no longer equals the stored line amount; line discounts not written as allowances do the same.",
            ar: "تُحفظ الأسعار شاملة الضريبة في نظام نقاط البيع واشتُق السعر الصافي بالقسمة على 1.15، فلم يعد حاصل الكمية في السعر الصافي المقرّب مساوياً لمبلغ البند المحفوظ، ويحدث الأمر نفسه مع خصومات البنود غير المكتوبة خصوماتٍ."
        ),
        RuleCause(
            "BR-KSA-EN16931-12",
            en: "cbc:BaseQuantity was written as 0 because the pack-size field of the item is empty in the ERP.",
            ar: "كُتب cbc:BaseQuantity بالقيمة 0 لأن حقل حجم العبوة للصنف فارغ في نظام ERP."
        ),
        RuleCause(
            "BR-KSA-F-01",
            en: "Dates were written in a local format (dd/mm/yyyy), as a timestamp, in the Hijri calendar, or as an impossible date after a manual edit.",
            ar: "كُتبت التواريخ بصيغة محلية (يوم/شهر/سنة)، أو طابعاً زمنياً، أو بالتقويم الهجري، أو بتاريخ غير موجود بعد تعديل يدوي."
        ),
        RuleCause(
            "BR-KSA-F-02",
            en: "The indicator was written as 1/0 or True/False, or the mapping inverted it so that discounts are sent as charges.",
            ar: "كُتب المؤشر بالقيمتين 1/0 أو True/False، أو عكسه الربط فأُرسلت الخصومات رسوماً إضافية."
        ),
        RuleCause(
            "BR-KSA-F-04",
            en: "Returns or discounts were recorded as negative lines on an ordinary invoice, as many point-of-sale systems do, or a credit note was built by negating every amount of the original.",
            ar: "سُجلت المرتجعات أو الخصومات بنوداً سالبة في فاتورة عادية كما تفعل كثير من أنظمة نقاط البيع، أو بُني الإشعار الدائن بعكس إشارة كل مبالغ الفاتورة الأصلية."
        ),
        RuleCause(
            "BR-KSA-F-05",
            en: "The time of the advance invoice was copied from an ERP timestamp with milliseconds or a +03:00 offset, or left empty.",
            ar: "نُسخ وقت فاتورة الدفعة المقدمة من طابع زمني في نظام ERP يتضمن أجزاء الثانية أو فارق توقيت مثل +03:00، أو تُرك فارغاً."
        ),
        RuleCause(
            "BR-KSA-F-06-C1",
            en: "The invoice number was built by joining branch, terminal, date and sequence, or a long internal document key was used instead of the printed number.",
            ar: "بُني رقم الفاتورة بضم رمز الفرع والجهاز والتاريخ والتسلسل، أو استُخدم مفتاح مستند داخلي طويل بدلاً من الرقم المطبوع."
        ),
        RuleCause(
            "BR-KSA-F-06-C10",
            en: "The seller name is empty on a branch profile, or the Arabic and English names and the address were joined into one field.",
            ar: "اسم البائع فارغ في ملف أحد الفروع، أو ضُمّ الاسمان العربي والإنجليزي والعنوان في حقل واحد."
        ),
        RuleCause(
            "BR-KSA-F-06-C11",
            en: "The whole address (street, district, city and directions) was put into the additional street line because the customer form has a single address box.",
            ar: "وُضع العنوان كله (الشارع والحي والمدينة والإرشادات) في سطر الشارع الإضافي لأن نموذج العميل يحتوي على خانة عنوان واحدة."
        ),
        RuleCause(
            "BR-KSA-F-06-C12",
            en: "The buyer name is empty on a business invoice, or the contact person and notes were joined into the name field.",
            ar: "اسم المشتري فارغ في فاتورة موجهة إلى منشأة، أو ضُمّ اسم جهة الاتصال والملاحظات إلى حقل الاسم."
        ),
        RuleCause(
            "BR-KSA-F-06-C13",
            en: "The reason was left empty, or a whole return ticket or e-mail thread was pasted into it.",
            ar: "تُرك السبب فارغاً، أو لُصقت فيه تذكرة مرتجع كاملة أو سلسلة رسائل بريد إلكتروني."
        ),
        RuleCause(
            "BR-KSA-F-06-C14",
            en: "The full payment terms of the contract or the terms and conditions were mapped into the payment terms note.",
            ar: "رُبطت شروط الدفع الكاملة في العقد أو الشروط والأحكام بملاحظة شروط الدفع."
        ),
        RuleCause(
            "BR-KSA-F-06-C15",
            en: "Bank details (bank name, account holder, IBAN and SWIFT) were joined into the account identifier instead of sending the IBAN alone.",
            ar: "ضُمّت البيانات المصرفية (اسم البنك وصاحب الحساب والآيبان وسويفت) في معرّف الحساب بدلاً من إرسال رقم الآيبان وحده."
        ),
        RuleCause(
            "BR-KSA-F-06-C16",
            en: "The reason code was set but its text left empty, or a long legal explanation was pasted instead of ZATCA's short reason text.",
            ar: "ضُبط رمز السبب وتُرك نصه فارغاً، أو لُصق شرح نظامي طويل بدلاً من نص السبب المختصر المعتمد لدى الهيئة."
        ),
        RuleCause(
            "BR-KSA-F-06-C17",
            en: "A database key or GUID of the ERP line was used as the line identifier instead of a short sequence number.",
            ar: "استُخدم مفتاح قاعدة بيانات أو GUID خاص ببند نظام ERP معرّفاً للبند بدلاً من رقم تسلسلي قصير."
        ),
        RuleCause(
            "BR-KSA-F-06-C18",
            en: "A packaging description was written in the unitCode attribute instead of a UN/ECE code such as PCE or KGM.",
            ar: "كُتب وصف للتغليف في السمة unitCode بدلاً من رمز UN/ECE مثل PCE أو KGM."
        ),
        RuleCause(
            "BR-KSA-F-06-C19",
            en: "Items have a one- or two-letter code as their name, or a long marketing description was pasted into the item name.",
            ar: "يحمل الصنف اسماً من حرف أو حرفين، أو لُصق وصف تسويقي طويل في اسم الصنف."
        ),
        RuleCause(
            "BR-KSA-F-06-C2",
            en: "Terms and conditions, bank details or a long footer from the printed layout were mapped into cbc:Note.",
            ar: "رُبطت الشروط والأحكام أو البيانات المصرفية أو تذييل طويل من النموذج المطبوع بالعنصر cbc:Note."
        ),
        RuleCause(
            "BR-KSA-F-06-C20",
            en: "Several barcodes or a description were joined into the standard item identifier instead of a single GTIN.",
            ar: "ضُمّت عدة رموز شريطية أو وصف في المعرّف القياسي للصنف بدلاً من رمز GTIN واحد."
        ),
        RuleCause(
            "BR-KSA-F-06-C21",
            en: "A text description of the pack size was written in the unitCode of cbc:BaseQuantity.",
            ar: "كُتب وصف نصي لحجم العبوة في السمة unitCode للعنصر cbc:BaseQuantity."
        ),
        RuleCause(
            "BR-KSA-F-06-C22",
            en: "The note references the original invoice with an empty ID, or the numbers of many invoices were joined into one billing reference.",
            ar: "يشير الإشعار إلى الفاتورة الأصلية بمعرّف فارغ، أو ضُمّت أرقام فواتير كثيرة في مرجع فاتورة واحد."
        ),
        RuleCause(
            "BR-KSA-F-06-C23",
            en: "The customer address has no street, or the whole address was placed in the additional street line.",
            ar: "عنوان العميل بلا شارع، أو وُضع العنوان كله في سطر الشارع الإضافي."
        ),
        RuleCause(
            "BR-KSA-F-06-C24",
            en: "The full address plus delivery directions was pasted into the street field.",
            ar: "لُصق العنوان الكامل مع إرشادات التوصيل في حقل الشارع."
        ),
        RuleCause(
            "BR-KSA-F-06-C25",
            en: "The city stayed inside a free-text address and was never mapped to cbc:CityName.",
            ar: "بقيت المدينة داخل عنوان نصي حر ولم تُربط قط بالعنصر cbc:CityName."
        ),
        RuleCause(
            "BR-KSA-F-06-C26",
            en: "The city field holds the whole address or the city with district and region joined together.",
            ar: "يحمل حقل المدينة العنوان كله، أو المدينة مضموماً إليها الحي والمنطقة."
        ),
        RuleCause(
            "BR-KSA-F-06-C27",
            en: "The province field holds the whole address or region and city joined together.",
            ar: "يحمل حقل المنطقة العنوان كله، أو المنطقة مضموماً إليها المدينة."
        ),
        RuleCause(
            "BR-KSA-F-06-C28",
            en: "The customer form has no district field, so cbc:CitySubdivisionName is not sent for Saudi buyers.",
            ar: "لا يحتوي نموذج العميل على حقل للحي، فلا يُرسل cbc:CitySubdivisionName للمشترين في المملكة."
        ),
        RuleCause(
            "BR-KSA-F-06-C29",
            en: "The district field holds the street, district and directions joined together.",
            ar: "يحمل حقل الحي الشارع والحي والإرشادات مضموماً بعضها إلى بعض."
        ),
        RuleCause(
            "BR-KSA-F-06-C3",
            en: "Several purchase order numbers or a description of the order were joined into the order reference.",
            ar: "ضُمّت عدة أرقام لأوامر الشراء أو وصف للطلب في مرجع أمر الشراء."
        ),
        RuleCause(
            "BR-KSA-F-06-C30",
            en: "The buyer's item identifier holds a description or several codes joined together.",
            ar: "يحمل معرّف الصنف لدى المشتري وصفاً أو عدة رموز مضمومة معاً."
        ),
        RuleCause(
            "BR-KSA-F-06-C31",
            en: "The seller's item identifier holds a description or the SKU together with variant codes.",
            ar: "يحمل معرّف الصنف لدى البائع وصفاً أو رقم المخزون مع رموز الخصائص."
        ),
        RuleCause(
            "BR-KSA-F-06-C32",
            en: "The buyer name field was filled with the name, address and contact details joined together.",
            ar: "عُبّئ حقل اسم المشتري بالاسم والعنوان وبيانات الاتصال مضمومة معاً."
        ),
        RuleCause(
            "BR-KSA-F-06-C33",
            en: "A long explanation or a copy of the fee terms was mapped into the reason for the document-level charge.",
            ar: "رُبط شرح طويل أو نسخة من شروط الرسم بسبب الرسم الإضافي على مستوى المستند."
        ),
        RuleCause(
            "BR-KSA-F-06-C34",
            en: "A long explanation or a copy of the fee terms was mapped into the reason for the line charge.",
            ar: "رُبط شرح طويل أو نسخة من شروط الرسم بسبب الرسم الإضافي على مستوى البند."
        ),
        RuleCause(
            "BR-KSA-F-06-C35",
            en: "A promotion description or campaign text was mapped into the reason for the document-level discount.",
            ar: "رُبط وصف العرض الترويجي أو نص الحملة بسبب الخصم على مستوى المستند."
        ),
        RuleCause(
            "BR-KSA-F-06-C36",
            en: "A promotion description or campaign text was mapped into the reason for the line discount.",
            ar: "رُبط وصف العرض الترويجي أو نص الحملة بسبب الخصم على مستوى البند."
        ),
        RuleCause(
            "BR-KSA-F-06-C37",
            en: "Several contact persons or the full contact card were joined into the contact name.",
            ar: "ضُمّ عدة أشخاص اتصال أو بطاقة الاتصال كاملة في اسم جهة الاتصال."
        ),
        RuleCause(
            "BR-KSA-F-06-C38",
            en: "Internal customer notes or correspondence were mapped into the buyer contact note.",
            ar: "رُبطت ملاحظات داخلية عن العميل أو مراسلات بملاحظة جهة الاتصال لدى المشتري."
        ),
        RuleCause(
            "BR-KSA-F-06-C39",
            en: "A long legal explanation was pasted instead of ZATCA's short reason text for the prepayment.",
            ar: "لُصق شرح نظامي طويل بدلاً من نص السبب المختصر المعتمد لدى الهيئة للدفعة المقدمة."
        ),
        RuleCause(
            "BR-KSA-F-06-C4",
            en: "The branch address in the ERP has no street, or the whole address with directions was put into the street field.",
            ar: "عنوان الفرع في نظام ERP بلا شارع، أو وُضع العنوان كله مع الإرشادات في حقل الشارع."
        ),
        RuleCause(
            "BR-KSA-F-06-C40",
            en: "The transaction code was written with too few or too many flags (for example 01 or 01000000), or with spaces.",
            ar: "كُتب رمز المعاملة بعدد ناقص أو زائد من العلامات (مثل 01 أو 01000000)، أو بمسافات."
        ),
        RuleCause(
            "BR-KSA-F-06-C5",
            en: "Several contract numbers or a contract title were joined into the contract reference.",
            ar: "ضُمّت عدة أرقام عقود أو عنوان العقد في مرجع العقد."
        ),
        RuleCause(
            "BR-KSA-F-06-C6",
            en: "The whole seller address was put into the additional street line.",
            ar: "وُضع عنوان البائع كله في سطر الشارع الإضافي."
        ),
        RuleCause(
            "BR-KSA-F-06-C7",
            en: "The branch city is empty in the ERP, or the city field holds the whole address.",
            ar: "مدينة الفرع فارغة في نظام ERP، أو يحمل حقل المدينة العنوان كله."
        ),
        RuleCause(
            "BR-KSA-F-06-C8",
            en: "The province field holds the whole seller address or region and city joined together.",
            ar: "يحمل حقل المنطقة عنوان البائع كله، أو المنطقة مضموماً إليها المدينة."
        ),
        RuleCause(
            "BR-KSA-F-06-C9",
            en: "The branch address in the ERP has no district, so cbc:CitySubdivisionName is empty.",
            ar: "عنوان الفرع في نظام ERP بلا حي، فيبقى cbc:CitySubdivisionName فارغاً."
        ),
        RuleCause(
            "BR-KSA-F-07",
            en: "The 15-digit VAT number was entered in the TIN field, or the TIN was typed with spaces or a missing digit.",
            ar: "أُدخل الرقم الضريبي المكوّن من 15 رقماً في حقل الرقم المميز (TIN)، أو كُتب الرقم المميز بمسافات أو بنقص رقم."
        ),
        RuleCause(
            "BR-KSA-F-08",
            en: "The commercial registration was entered with the letters CR, spaces or dashes, as the 700 number or VAT number, or with a digit missing.",
            ar: "أُدخل السجل التجاري بالحرفين CR أو بمسافات أو شرطات، أو أُدخل بدلاً منه الرقم الموحد 700 أو الرقم الضريبي، أو بنقص رقم."
        ),
        RuleCause(
            "BR-KSA-F-09",
            en: "A commercial registration number or another identifier was entered under scheme 700 instead of the unified number that starts with 7.",
            ar: "أُدخل رقم سجل تجاري أو معرّف آخر تحت النظام 700 بدلاً من الرقم الموحد الذي يبدأ بالرقم 7."
        ),
        RuleCause(
            "BR-KSA-F-10",
            en: "An iqama number (starting with 2) was entered under scheme NAT, or the national ID was typed with a digit missing.",
            ar: "أُدخل رقم إقامة (يبدأ بالرقم 2) تحت النظام NAT، أو كُتب رقم الهوية الوطنية بنقص رقم."
        ),
        RuleCause(
            "BR-KSA-F-11",
            en: "A national ID (starting with 1) or a passport number was entered under scheme IQA.",
            ar: "أُدخل رقم هوية وطنية (يبدأ بالرقم 1) أو رقم جواز سفر تحت النظام IQA."
        ),
        RuleCause(
            "BR-KSA-F-12",
            en: "The schemeID came from a padded database column or a drop-down label with leading or trailing spaces.",
            ar: "جاء schemeID من عمود في قاعدة البيانات مملوء بمسافات أو من تسمية في قائمة منسدلة بمسافات في أولها أو آخرها."
        ),
        RuleCause(
            "BR-KSA-F-13",
            en: "Staff typed a dummy value such as 0000000000 or 1111111111 to get past a mandatory field in the ERP or point-of-sale screen.",
            ar: "أدخل الموظفون قيمة شكلية مثل 0000000000 أو 1111111111 لتجاوز حقل إلزامي في شاشة نظام ERP أو نقاط البيع."
        ),
        RuleCause(
            "BR-KSA-F-C-01",
            en: "The item master has no description, so the SKU, barcode or an internal code was sent as the item name.",
            ar: "لا يحتوي سجل الصنف الرئيسي على وصف، فأُرسل رقم المخزون أو الرمز الشريطي أو رمز داخلي اسماً للصنف."
        ),
        RuleCause(
            "BR-O-01",
            en: "Out-of-scope lines (such as government fees collected on behalf of others) were added, but the breakdown is built only from taxable categories.",
            ar: "أُضيفت بنود غير خاضعة للضريبة (مثل الرسوم الحكومية المحصلة نيابة عن الغير)، لكن التفصيل لا يُبنى إلا من الفئات الخاضعة للضريبة."
        ),
        RuleCause(
            "BR-O-08",
            en: "Amounts collected on behalf of others were counted in another category's taxable amount, or the O entry ignores discounts and charges on those lines.",
            ar: "احتُسبت مبالغ محصلة نيابة عن الغير ضمن المبلغ الخاضع لفئة أخرى، أو يتجاهل سطر الفئة O الخصومات والرسوم على تلك البنود."
        ),
        RuleCause(
            "BR-O-09",
            en: "A rate was attached to the out-of-scope tax code, or a rounding difference was booked on the O entry.",
            ar: "أُرفقت نسبة برمز الضريبة لغير الخاضع، أو سُجّل فرق تقريب على سطر الفئة O."
        ),
        RuleCause(
            "BR-S-01",
            en: "Standard-rated lines exist, but the breakdown entry for them carries the ERP's tax code instead of S, or only the zero-rated or exempt entries were written.",
            ar: "توجد بنود خاضعة للنسبة الأساسية، لكن سطرها في التفصيل يحمل رمز الضريبة الخاص بنظام ERP بدلاً من S، أو لم تُكتب إلا سطور الفئات الخاضعة لنسبة الصفر أو المعفاة."
        ),
        RuleCause(
            "BR-S-05",
            en: "A tax code mapped to category S has rate 0, usually a zero-rated or exempt code mapped to S by mistake in the category table.",
            ar: "رمز ضريبي مربوط بالفئة S نسبته صفر، وغالباً ما يكون رمزاً لنسبة الصفر أو للإعفاء رُبط بالفئة S خطأً في جدول الفئات."
        ),
        RuleCause(
            "BR-S-06",
            en: "The document discount was given category S but no rate, because the ERP treats discounts as untaxed.",
            ar: "أُعطي الخصم على مستوى المستند الفئة S دون نسبة، لأن نظام ERP يعامل الخصومات على أنها غير خاضعة للضريبة."
        ),
        RuleCause(
            "BR-S-07",
            en: "The delivery or service fee was given category S but no rate, because the fee's tax code in the ERP has none.",
            ar: "أُعطي رسم التوصيل أو الخدمة الفئة S دون نسبة، لأن رمز الضريبة لهذا الرسم في نظام ERP بلا نسبة."
        ),
        RuleCause(
            "BR-S-08",
            en: "A document discount or charge was not deducted from or added to the S taxable amount, or the ERP spread a discount across categories differently from the breakdown.",
            ar: "لم يُطرح خصم أو يُضف رسم على مستوى المستند إلى المبلغ الخاضع للفئة S، أو وزّع نظام ERP الخصم على الفئات بطريقة تختلف عن التفصيل."
        ),
        RuleCause(
            "BR-S-09",
            en: "The category VAT was summed from rounded line amounts or computed from VAT-inclusive prices, so it differs from taxable amount times rate by more than ZATCA's tolerance.",
            ar: "جُمعت ضريبة الفئة من مبالغ البنود المقرّبة أو حُسبت من أسعار شاملة الضريبة، فاختلفت عن حاصل المبلغ الخاضع في النسبة بأكثر مما تسمح به الهيئة."
        ),
        RuleCause(
            "BR-S-10",
            en: "The integration writes the exemption fields for every category, leaving an empty or default reason on the S entry.",
            ar: "يكتب التكامل حقلي الإعفاء لكل الفئات، فيبقى سبب فارغ أو افتراضي في سطر الفئة S."
        ),
        RuleCause(
            "BR-Z-01",
            en: "Zero-rated lines (exports, qualifying medicines, investment metals) exist, but the breakdown is built only for the standard rate, or the zero-rated amount was merged into another entry.",
            ar: "توجد بنود خاضعة لنسبة الصفر (الصادرات أو الأدوية المؤهلة أو المعادن الاستثمارية)، لكن التفصيل لا يُبنى إلا للنسبة الأساسية، أو دُمج مبلغ نسبة الصفر في سطر آخر."
        ),
        RuleCause(
            "BR-Z-05",
            en: "The zero-rated tax code was set up with a rate, or the line kept the default 15 % rate while its category was changed to Z.",
            ar: "أُعدّ رمز نسبة الصفر بنسبة غير صفرية، أو احتفظ البند بالنسبة الافتراضية 15٪ بينما غُيّرت فئته إلى Z."
        ),
        RuleCause(
            "BR-Z-06",
            en: "The document discount inherited the default 15 % rate while its category was set to Z to match zero-rated lines.",
            ar: "ورث الخصم على مستوى المستند النسبة الافتراضية 15٪ بينما ضُبطت فئته على Z لتوافق البنود الخاضعة لنسبة الصفر."
        ),
        RuleCause(
            "BR-Z-07",
            en: "The document charge (for example freight on an export) inherited the default 15 % rate while its category was set to Z.",
            ar: "ورث الرسم الإضافي على مستوى المستند (مثل الشحن في عملية تصدير) النسبة الافتراضية 15٪ بينما ضُبطت فئته على Z."
        ),
        RuleCause(
            "BR-Z-08",
            en: "A discount or charge on zero-rated lines was allocated to the standard-rated entry, or left out of the Z taxable amount.",
            ar: "خُصص خصم أو رسم على البنود الخاضعة لنسبة الصفر لسطر النسبة الأساسية، أو لم يُحتسب في المبلغ الخاضع للفئة Z."
        ),
        RuleCause(
            "BR-Z-09",
            en: "VAT was computed on the zero-rated amount with a default rate, or a rounding difference from other categories was booked on the Z entry.",
            ar: "احتُسبت ضريبة على مبلغ نسبة الصفر بنسبة افتراضية، أو سُجّل فرق تقريب من فئات أخرى على سطر الفئة Z."
        ),
        RuleCause(
            "EINV-LIMIT-LINES",
            en: "A batch or period summary of every transaction, such as all point-of-sale tickets of a month, was sent as one invoice.",
            ar: "أُرسل ملخص دفعي أو دوري لكل المعاملات، مثل جميع تذاكر نقاط البيع لشهر كامل، فاتورةً واحدة."
        ),
        RuleCause(
            "EINV-QUANTITY",
            en: "A return or correction was entered as a line with a negative or zero quantity, as many point-of-sale systems do, instead of issuing a credit note.",
            ar: "أُدخل مرتجع أو تصحيح بنداً بكمية سالبة أو صفرية كما تفعل كثير من أنظمة نقاط البيع، بدلاً من إصدار إشعار دائن."
        ),
        RuleCause(
            "EINV-EXCHANGE-RATE",
            en: "The invoice is in a foreign currency but the request carries no exchange rate, because the ERP fills the rate only when the invoice is posted to the ledger.",
            ar: "الفاتورة بعملة أجنبية لكن الطلب لا يحمل سعر صرف، لأن نظام ERP لا يعبّئ السعر إلا عند ترحيل الفاتورة إلى دفتر الأستاذ."
        ),
        RuleCause(
            "EINV-ALLOWANCE-AMOUNT",
            en: "The request gave a discount or fee percentage without the base amount, or neither amount nor percentage, leaving nothing to compute from.",
            ar: "حدد الطلب نسبة الخصم أو الرسم دون المبلغ الأساسي، أو لم يحدد المبلغ ولا النسبة، فلا يبقى ما يُحسب منه."
        ),
        RuleCause(
            "EINV-STANDARD-BUYER",
            en: "A tax invoice was requested for a customer record that has only a name or only a VAT number, often a cash sale converted to a tax invoice at the counter.",
            ar: "طُلبت فاتورة ضريبية لسجل عميل لا يحمل إلا الاسم أو الرقم الضريبي، وغالباً ما يكون بيعاً نقدياً حُوّل إلى فاتورة ضريبية عند نقطة البيع."
        ),
        RuleCause(
            "EINV-NOTE-REFERENCE",
            en: "The note was requested without the original invoice number, for example a refund started at the point of sale without scanning the original receipt.",
            ar: "طُلب الإشعار دون رقم الفاتورة الأصلية، مثل استرداد بدأ في نقطة البيع دون مسح الإيصال الأصلي."
        ),
        RuleCause(
            "EINV-NOTE-REASON",
            en: "The return or adjustment screen in the ERP has no reason field, so the request arrives without one.",
            ar: "لا تحتوي شاشة المرتجعات أو التعديلات في نظام ERP على حقل للسبب، فيصل الطلب بدونه."
        ),
        RuleCause(
            "EINV-RATE-CATEGORY",
            en: "The rate and the category come from different fields in the ERP (rate from the item, category from the customer or a default), so a standard item arrives as Z with 15 or as S with 0.",
            ar: "تأتي النسبة والفئة من حقلين مختلفين في نظام ERP (النسبة من الصنف والفئة من العميل أو من قيمة افتراضية)، فيصل صنف خاضع للنسبة الأساسية بالفئة Z ونسبة 15 أو بالفئة S ونسبة 0."
        ),
        RuleCause(
            "XSD-DECIMAL",
            en: "Amounts were written with thousands separators (1,250.50), a currency symbol, Arabic-Indic digits, a comma as decimal separator, or in scientific notation from a float-to-text conversion.",
            ar: "كُتبت المبالغ بفواصل الآلاف (1,250.50) أو برمز العملة أو بالأرقام الهندية (العربية المشرقية) أو بفاصلة عشرية، أو بالصيغة العلمية الناتجة عن تحويل عدد عائم إلى نص."
        ),
        RuleCause(
            "EINV-ORIGINAL-INVOICE",
            en: "The note names the ERP's own number for an invoice that was never issued through einvoice (or was issued for another seller VAT number), or the referenced document is a draft, a rejected invoice or itself a note.",
            ar: "يذكر الإشعار رقم نظام ERP لفاتورة لم تصدر قط عبر einvoice (أو صدرت برقم ضريبي آخر للبائع)، أو أن المستند المشار إليه مسودة أو فاتورة مرفوضة أو إشعار بحد ذاته."
        ),
    ]
}
