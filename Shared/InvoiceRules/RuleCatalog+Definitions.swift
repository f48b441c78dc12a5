import InvoiceModel

// One entry per rule einvoice knows: ZATCA's and EN 16931 rules ordered by ID, einvoice's own
// checks (EINV-..., XSD-...) at the end.

extension RuleCatalog {
    static let definitions: [RuleDefinition] = [
        RuleDefinition(
            "BR-02", .warning,
            en: "The invoice must carry an invoice number (BT-1).",
            ar: "يجب أن تحمل الفاتورة رقم الفاتورة (BT-1).",
            fixEN: "Enter the invoice number (BT-1).",
            fixAR: "أدخل رقم الفاتورة (BT-1)."
        ),
        RuleDefinition(
            "BR-03", .error,
            en: "The invoice must state its issue date (BT-2).",
            ar: "يجب أن تتضمن الفاتورة تاريخ إصدارها (BT-2).",
            fixEN: "Enter the issue date (BT-2).",
            fixAR: "أدخل تاريخ الإصدار (BT-2)."
        ),
        RuleDefinition(
            "BR-04", .error,
            en: "The invoice must state its type code (BT-3), e.g. 388 for a tax invoice, 381 for a credit note or 383 for a debit note.",
            ar: "يجب أن تتضمن الفاتورة رمز نوع الفاتورة (BT-3)، مثل 388 للفاتورة الضريبية أو 381 للإشعار الدائن أو 383 للإشعار المدين.",
            fixEN: "Set the invoice type code (BT-3).",
            fixAR: "حدّد رمز نوع الفاتورة (BT-3)."
        ),
        RuleDefinition(
            "BR-05", .error,
            en: "The invoice must state the currency it is issued in (invoice currency code, BT-5).",
            ar: "يجب أن تحدد الفاتورة العملة التي صدرت بها (رمز عملة الفاتورة، BT-5).",
            fixEN: "Set the invoice currency code (BT-5), e.g. SAR.",
            fixAR: "حدّد رمز عملة الفاتورة (BT-5)، مثل SAR."
        ),
        RuleDefinition(
            "BR-06", .warning,
            en: "The invoice must give the seller name (BT-27).",
            ar: "يجب أن تتضمن الفاتورة اسم البائع (BT-27).",
            fixEN: "Enter the seller name (BT-27).",
            fixAR: "أدخل اسم البائع (BT-27)."
        ),
        RuleDefinition(
            "BR-08", .warning,
            en: "Every invoice needs the seller's postal address (BG-5).",
            ar: "يجب أن تتضمن الفاتورة العنوان البريدي للبائع (BG-5).",
            fixEN: "Add the seller postal address (BG-5).",
            fixAR: "أضف العنوان البريدي للبائع (BG-5)."
        ),
        RuleDefinition(
            "BR-09", .warning,
            en: "The seller's address (BG-5) needs a country code (BT-40), e.g. SA.",
            ar: "يجب أن يتضمن العنوان البريدي للبائع (BG-5) رمز دولة البائع (BT-40).",
            fixEN: "Enter the seller country code (BT-40), e.g. SA.",
            fixAR: "أدخل رمز دولة البائع (BT-40)، مثل SA."
        ),
        RuleDefinition(
            "BR-13", .warning,
            en: "The invoice must state the total amount without VAT (BT-109).",
            ar: "يجب أن تتضمن الفاتورة إجمالي المبلغ غير شامل ضريبة القيمة المضافة (BT-109).",
            fixEN: "Enter the invoice total without VAT (BT-109).",
            fixAR: "أدخل إجمالي الفاتورة غير شامل ضريبة القيمة المضافة (BT-109)."
        ),
        RuleDefinition(
            "BR-14", .error,
            en: "The invoice must state the total amount including VAT (BT-112).",
            ar: "يجب أن تتضمن الفاتورة إجمالي المبلغ شاملاً ضريبة القيمة المضافة (BT-112).",
            fixEN: "Enter the invoice total with VAT (BT-112).",
            fixAR: "أدخل إجمالي الفاتورة شاملاً ضريبة القيمة المضافة (BT-112)."
        ),
        RuleDefinition(
            "BR-15", .error,
            en: "Every invoice needs the amount due for payment (BT-115).",
            ar: "يجب أن تتضمن الفاتورة المبلغ المستحق الدفع (BT-115).",
            fixEN: "Enter the amount due for payment (BT-115).",
            fixAR: "أدخل المبلغ المستحق الدفع (BT-115)."
        ),
        RuleDefinition(
            "BR-16", .error,
            en: "An invoice needs one or more invoice lines (BG-25).",
            ar: "يجب أن تحتوي الفاتورة على بند واحد على الأقل (BG-25).",
            fixEN: "Add at least one invoice line (BG-25).",
            fixAR: "أضف بنداً واحداً على الأقل إلى الفاتورة (BG-25)."
        ),
        RuleDefinition(
            "BR-21", .warning,
            en: "Every invoice line must have a line identifier (BT-126).",
            ar: "يجب أن يكون لكل بند في الفاتورة معرّف بند (BT-126).",
            fixEN: "Give each line an identifier (BT-126), e.g. 1, 2, 3.",
            fixAR: "أعطِ كل بند معرّفاً (BT-126)، مثل 1 و2 و3."
        ),
        RuleDefinition(
            "BR-22", .error,
            en: "Every invoice line must state the invoiced quantity (BT-129).",
            ar: "يجب أن يذكر كل بند في الفاتورة الكمية المفوترة (BT-129).",
            fixEN: "Enter the quantity (BT-129) on each line.",
            fixAR: "أدخل الكمية المفوترة (BT-129) في كل بند."
        ),
        RuleDefinition(
            "BR-24", .error,
            en: "Every invoice line must state its net amount (BT-131).",
            ar: "يجب أن يذكر كل بند في الفاتورة صافي مبلغ البند (BT-131).",
            fixEN: "Enter the line net amount (BT-131) on each line.",
            fixAR: "أدخل صافي مبلغ البند (BT-131) في كل بند."
        ),
        RuleDefinition(
            "BR-25", .warning,
            en: "Every invoice line must name the item sold (item name, BT-153).",
            ar: "يجب أن يذكر كل بند في الفاتورة اسم الصنف المبيع (BT-153).",
            fixEN: "Enter the item name (BT-153) on each line.",
            fixAR: "أدخل اسم الصنف (BT-153) في كل بند."
        ),
        RuleDefinition(
            "BR-26", .error,
            en: "Every invoice line must state the item net price (BT-146).",
            ar: "يجب أن يذكر كل بند في الفاتورة صافي سعر الصنف (BT-146).",
            fixEN: "Enter the item net price (BT-146) on each line.",
            fixAR: "أدخل صافي سعر الصنف (BT-146) في كل بند."
        ),
        RuleDefinition(
            "BR-31", .error,
            en: "Every document-level allowance (BG-20) must state its amount (BT-92).",
            ar: "يجب أن يذكر كل خصم على مستوى المستند (BG-20) مبلغ الخصم (BT-92).",
            fixEN: "Enter the allowance amount (BT-92).",
            fixAR: "أدخل مبلغ الخصم (BT-92)."
        ),
        RuleDefinition(
            "BR-32", .error,
            en: "Every document-level allowance (BG-20) must state its VAT category code (BT-95).",
            ar: "يجب أن يذكر كل خصم على مستوى المستند (BG-20) رمز فئة ضريبة القيمة المضافة الخاص به (BT-95).",
            fixEN: "Set the VAT category (BT-95) of the allowance.",
            fixAR: "حدّد فئة ضريبة القيمة المضافة للخصم (BT-95)."
        ),
        RuleDefinition(
            "BR-36", .warning,
            en: "Every document-level charge (BG-21) must state its amount (BT-99).",
            ar: "يجب أن يذكر كل رسم إضافي على مستوى المستند (BG-21) مبلغ الرسم (BT-99).",
            fixEN: "Enter the charge amount (BT-99).",
            fixAR: "أدخل مبلغ الرسم الإضافي (BT-99)."
        ),
        RuleDefinition(
            "BR-37", .warning,
            en: "Every document-level charge (BG-21) must state its VAT category code (BT-102).",
            ar: "يجب أن يذكر كل رسم إضافي على مستوى المستند (BG-21) رمز فئة ضريبة القيمة المضافة الخاص به (BT-102).",
            fixEN: "Set the VAT category (BT-102) of the charge.",
            fixAR: "حدّد فئة ضريبة القيمة المضافة للرسم الإضافي (BT-102)."
        ),
        RuleDefinition(
            "BR-41", .error,
            en: "Every line-level allowance (BG-27) must state its amount (BT-136).",
            ar: "يجب أن يذكر كل خصم على مستوى البند (BG-27) مبلغ الخصم (BT-136).",
            fixEN: "Enter the line allowance amount (BT-136).",
            fixAR: "أدخل مبلغ الخصم على مستوى البند (BT-136)."
        ),
        RuleDefinition(
            "BR-43", .warning,
            en: "Every line-level charge (BG-28) must state its amount (BT-141).",
            ar: "يجب أن يذكر كل رسم إضافي على مستوى البند (BG-28) مبلغ الرسم (BT-141).",
            fixEN: "Enter the line charge amount (BT-141).",
            fixAR: "أدخل مبلغ الرسم الإضافي على مستوى البند (BT-141)."
        ),
        RuleDefinition(
            "BR-45", .error,
            en: "Every entry of the VAT breakdown (BG-23) must state the taxable amount of its category (BT-116).",
            ar: "يجب أن يذكر كل سطر في تفصيل ضريبة القيمة المضافة (BG-23) المبلغ الخاضع للضريبة لفئته (BT-116).",
            fixEN: "Enter the taxable amount (BT-116) for each VAT category.",
            fixAR: "أدخل المبلغ الخاضع للضريبة (BT-116) لكل فئة ضريبية."
        ),
        RuleDefinition(
            "BR-46", .error,
            en: "Every entry of the VAT breakdown (BG-23) must state the VAT amount of its category (BT-117).",
            ar: "يجب أن يذكر كل سطر في تفصيل ضريبة القيمة المضافة (BG-23) مبلغ الضريبة لفئته (BT-117).",
            fixEN: "Enter the VAT amount (BT-117) for each VAT category.",
            fixAR: "أدخل مبلغ الضريبة (BT-117) لكل فئة ضريبية."
        ),
        RuleDefinition(
            "BR-47", .error,
            en: "Every entry of the VAT breakdown (BG-23) must say which VAT category it covers (BT-118).",
            ar: "يجب أن يحدد كل سطر في تفصيل ضريبة القيمة المضافة (BG-23) فئة الضريبة التي يخصها (BT-118).",
            fixEN: "Set the VAT category code (BT-118) on each breakdown entry.",
            fixAR: "حدّد رمز فئة الضريبة (BT-118) في كل سطر من تفصيل الضريبة."
        ),
        RuleDefinition(
            "BR-48", .error,
            en: "Every entry of the VAT breakdown (BG-23) must state its VAT rate (BT-119), unless the category is not subject to VAT.",
            ar: "يجب أن يذكر كل سطر في تفصيل ضريبة القيمة المضافة (BG-23) نسبة الضريبة (BT-119)، إلا إذا كانت الفئة غير خاضعة للضريبة.",
            fixEN: "Enter the VAT rate (BT-119) for each VAT category.",
            fixAR: "أدخل نسبة الضريبة (BT-119) لكل فئة ضريبية."
        ),
        RuleDefinition(
            "BR-49", .warning,
            en: "A payment instruction (BG-16) must say how payment is made (payment means code, BT-81).",
            ar: "يجب أن تحدد تعليمات الدفع (BG-16) طريقة الدفع (رمز وسيلة الدفع، BT-81).",
            fixEN: "Set the payment means code (BT-81), e.g. 10 for cash or 30 for credit transfer.",
            fixAR: "حدّد رمز وسيلة الدفع (BT-81)، مثل 10 للنقد أو 30 للتحويل البنكي."
        ),
        RuleDefinition(
            "BR-52", .warning,
            en: "Every additional supporting document (BG-24) must have a reference (BT-122).",
            ar: "يجب أن يكون لكل مستند داعم إضافي (BG-24) رقم مرجعي (BT-122).",
            fixEN: "Enter a reference (BT-122) for each supporting document.",
            fixAR: "أدخل رقماً مرجعياً (BT-122) لكل مستند داعم."
        ),
        RuleDefinition(
            "BR-53", .warning,
            en: "When a VAT accounting currency (BT-6) is given, the invoice must also state the total VAT in that currency (BT-111).",
            ar: "عند تحديد عملة المحاسبة الضريبية (BT-6)، يجب أن تذكر الفاتورة أيضاً إجمالي ضريبة القيمة المضافة بتلك العملة (BT-111).",
            fixEN: "Add the total VAT amount in the accounting currency (BT-111).",
            fixAR: "أضف إجمالي مبلغ ضريبة القيمة المضافة بعملة المحاسبة الضريبية (BT-111)."
        ),
        RuleDefinition(
            "BR-54", .error,
            en: "Every item attribute (BG-32) must have both a name (BT-160) and a value (BT-161).",
            ar: "يجب أن يكون لكل خاصية من خصائص الصنف (BG-32) اسم (BT-160) وقيمة (BT-161).",
            fixEN: "Fill in both the name and the value of each item attribute.",
            fixAR: "أدخل اسم كل خاصية من خصائص الصنف وقيمتها."
        ),
        RuleDefinition(
            "BR-55", .error,
            en: "Every reference to a preceding invoice (BG-3) must give that invoice's number (BT-25).",
            ar: "يجب أن يتضمن كل مرجع إلى فاتورة سابقة (BG-3) رقم تلك الفاتورة (BT-25).",
            fixEN: "Enter the number of the referenced invoice (BT-25).",
            fixAR: "أدخل رقم الفاتورة المشار إليها (BT-25)."
        ),
        RuleDefinition(
            "BR-CL-01", .error,
            en: "The invoice type code (BT-3) must be a document code from the UNTDID 1001 list for invoices and credit notes.",
            ar: "يجب أن يكون رمز نوع الفاتورة (BT-3) من رموز المستندات الواردة في قائمة UNTDID 1001 الخاصة بالفواتير والإشعارات الدائنة.",
            fixEN: "Use a valid type code such as 388, 381, 383 or 386.",
            fixAR: "استخدم رمز نوع صالحاً مثل 388 أو 381 أو 383 أو 386."
        ),
        RuleDefinition(
            "BR-CL-03", .error,
            en: "Every currency attribute (currencyID) on an amount must be a three-letter ISO 4217 currency code.",
            ar: "يجب أن تكون سمة العملة (currencyID) في كل مبلغ رمز عملة من ثلاثة أحرف وفق معيار ISO 4217.",
            fixEN: "Use a valid ISO 4217 currency code such as SAR or USD.",
            fixAR: "استخدم رمز عملة صالحاً وفق ISO 4217 مثل SAR أو USD."
        ),
        RuleDefinition(
            "BR-CL-04", .error,
            en: "The invoice currency code (BT-5) must be a three-letter ISO 4217 currency code.",
            ar: "يجب أن يكون رمز عملة الفاتورة (BT-5) رمز عملة من ثلاثة أحرف وفق معيار ISO 4217.",
            fixEN: "Set the invoice currency to a valid ISO 4217 code such as SAR.",
            fixAR: "اضبط عملة الفاتورة على رمز صالح وفق ISO 4217 مثل SAR."
        ),
        RuleDefinition(
            "BR-CL-05", .error,
            en: "The tax currency code (BT-6) must be a three-letter ISO 4217 currency code.",
            ar: "يجب أن يكون رمز عملة الضريبة (BT-6) رمز عملة من ثلاثة أحرف وفق معيار ISO 4217.",
            fixEN: "Set the tax currency code (BT-6) to SAR.",
            fixAR: "اضبط رمز عملة الضريبة (BT-6) على SAR."
        ),
        RuleDefinition(
            "BR-CL-14", .warning,
            en: "Every country code in the invoice must be a two-letter ISO 3166-1 code.",
            ar: "يجب أن يكون كل رمز دولة في الفاتورة رمزاً من حرفين وفق معيار ISO 3166-1.",
            fixEN: "Use a valid two-letter country code such as SA.",
            fixAR: "استخدم رمز دولة صالحاً من حرفين مثل SA."
        ),
        RuleDefinition(
            "BR-CL-16", .warning,
            en: "The payment means code (BT-81) must come from the UNCL 4461 code list.",
            ar: "يجب أن يكون رمز وسيلة الدفع (BT-81) من قائمة الرموز UNCL 4461.",
            fixEN: "Use a valid payment means code, e.g. 10 (cash), 30 (credit transfer) or 48 (bank card).",
            fixAR: "استخدم رمز وسيلة دفع صالحاً، مثل 10 (نقداً) أو 30 (تحويل بنكي) أو 48 (بطاقة مصرفية)."
        ),
        RuleDefinition(
            "BR-CL-18", .error,
            en: "Every VAT category code must come from the UNCL 5305 code list.",
            ar: "يجب أن يكون كل رمز لفئة ضريبة القيمة المضافة من قائمة الرموز UNCL 5305.",
            fixEN: "Use one of the VAT category codes S, Z, E or O.",
            fixAR: "استخدم أحد رموز فئات الضريبة S أو Z أو E أو O."
        ),
        RuleDefinition(
            "BR-CL-KSA-14", .error,
            en: "The QR code (KSA-14) must be present and may be at most 1000 characters long.",
            ar: "يجب أن يكون رمز الاستجابة السريعة (KSA-14) موجوداً وألا يزيد طوله على 1000 حرف.",
            fixEN: "Regenerate the QR code so that it fits within 1000 characters.",
            fixAR: "أعد توليد رمز الاستجابة السريعة بحيث لا يتجاوز 1000 حرف."
        ),
        RuleDefinition(
            "BR-CO-04", .error,
            en: "Every invoice line must state the VAT category of the item (BT-151).",
            ar: "يجب أن يذكر كل بند في الفاتورة فئة ضريبة القيمة المضافة للصنف (BT-151).",
            fixEN: "Set the VAT category (BT-151) on each line.",
            fixAR: "حدّد فئة ضريبة القيمة المضافة (BT-151) في كل بند."
        ),
        RuleDefinition(
            "BR-CO-10", .warning,
            en: "The sum of line net amounts (BT-106) must equal the total of all line net amounts (BT-131).",
            ar: "يجب أن يساوي مجموع صافي مبالغ البنود (BT-106) حاصل جمع صافي مبلغ كل بند (BT-131).",
            fixEN: "Recalculate BT-106 as the sum of the line net amounts.",
            fixAR: "أعد احتساب BT-106 بجمع صافي مبالغ البنود."
        ),
        RuleDefinition(
            "BR-CO-11", .error,
            en: "The sum of document-level allowances (BT-107) must equal the total of the individual allowance amounts (BT-92).",
            ar: "يجب أن يساوي مجموع الخصومات على مستوى المستند (BT-107) حاصل جمع مبالغ الخصومات الفردية (BT-92).",
            fixEN: "Recalculate BT-107 as the sum of the document-level allowances.",
            fixAR: "أعد احتساب BT-107 بجمع مبالغ الخصومات على مستوى المستند."
        ),
        RuleDefinition(
            "BR-CO-12", .error,
            en: "The sum of document-level charges (BT-108) must equal the total of the individual charge amounts (BT-99).",
            ar: "يجب أن يساوي مجموع الرسوم الإضافية على مستوى المستند (BT-108) حاصل جمع مبالغ الرسوم الفردية (BT-99).",
            fixEN: "Recalculate BT-108 as the sum of the document-level charges.",
            fixAR: "أعد احتساب BT-108 بجمع مبالغ الرسوم الإضافية على مستوى المستند."
        ),
        RuleDefinition(
            "BR-CO-13", .warning,
            en: "The total without VAT (BT-109) must equal the line net amounts minus document-level allowances (BT-107) plus document-level charges (BT-108).",
            ar: "يجب أن يساوي الإجمالي غير شامل ضريبة القيمة المضافة (BT-109) مجموع صافي مبالغ البنود مطروحاً منه الخصومات على مستوى المستند (BT-107) ومضافاً إليه الرسوم الإضافية (BT-108).",
            fixEN: "Recalculate BT-109 from the lines, allowances and charges.",
            fixAR: "أعد احتساب BT-109 من البنود والخصومات والرسوم الإضافية."
        ),
        RuleDefinition(
            "BR-CO-14", .error,
            en: "The invoice total VAT (BT-110) must equal the sum of the VAT amounts of all categories in the VAT breakdown (BT-117).",
            ar: "يجب أن يساوي إجمالي ضريبة القيمة المضافة في الفاتورة (BT-110) مجموع مبالغ الضريبة لجميع الفئات في تفصيل الضريبة (BT-117).",
            fixEN: "Recalculate BT-110 as the sum of the category VAT amounts.",
            fixAR: "أعد احتساب BT-110 بجمع مبالغ الضريبة لجميع الفئات."
        ),
        RuleDefinition(
            "BR-CO-15", .error,
            en: "The total with VAT (BT-112) must equal the total without VAT (BT-109) plus the total VAT (BT-110).",
            ar: "يجب أن يساوي الإجمالي شاملاً ضريبة القيمة المضافة (BT-112) الإجمالي غير شامل الضريبة (BT-109) مضافاً إليه إجمالي الضريبة (BT-110).",
            fixEN: "Recalculate BT-112 as BT-109 plus BT-110.",
            fixAR: "أعد احتساب BT-112 بجمع BT-109 وBT-110."
        ),
        RuleDefinition(
            "BR-CO-16", .warning,
            en: "The amount due (BT-115) must equal the total with VAT (BT-112) minus the prepaid amount (BT-113) plus the rounding amount (BT-114).",
            ar: "يجب أن يساوي المبلغ المستحق الدفع (BT-115) الإجمالي شاملاً الضريبة (BT-112) مطروحاً منه المبلغ المدفوع مقدماً (BT-113) ومضافاً إليه مبلغ التقريب (BT-114).",
            fixEN: "Recalculate the amount due as BT-112 - BT-113 + BT-114.",
            fixAR: "أعد احتساب المبلغ المستحق وفق المعادلة BT-112 - BT-113 + BT-114."
        ),
        RuleDefinition(
            "BR-CO-17", .warning,
            en: "Each category's VAT amount (BT-117) must equal its taxable amount (BT-116) times its rate (BT-119) divided by 100, rounded to 2 decimals.",
            ar: "يجب أن يساوي مبلغ الضريبة لكل فئة (BT-117) المبلغ الخاضع للضريبة (BT-116) مضروباً في نسبة الضريبة (BT-119) مقسوماً على 100، مقرّباً إلى منزلتين عشريتين.",
            fixEN: "Recalculate the category VAT amount from its taxable amount and rate.",
            fixAR: "أعد احتساب مبلغ ضريبة الفئة من المبلغ الخاضع للضريبة ونسبتها."
        ),
        RuleDefinition(
            "BR-CO-18", .error,
            en: "The invoice must contain at least one VAT breakdown entry (BG-23).",
            ar: "يجب أن تتضمن الفاتورة سطراً واحداً على الأقل في تفصيل ضريبة القيمة المضافة (BG-23).",
            fixEN: "Add a VAT breakdown entry for each VAT category used.",
            fixAR: "أضف سطراً في تفصيل الضريبة لكل فئة ضريبية مستخدمة."
        ),
        RuleDefinition(
            "BR-CUSTOM-VALIDATION-01", .error,
            en: "The seller VAT number (BT-31) and the buyer VAT number (BT-48) must not be the same.",
            ar: "يجب ألا يتطابق الرقم الضريبي للبائع (BT-31) مع الرقم الضريبي للمشتري (BT-48).",
            fixEN: "Correct the buyer VAT number (BT-48) or the seller VAT number (BT-31).",
            fixAR: "صحّح الرقم الضريبي للمشتري (BT-48) أو الرقم الضريبي للبائع (BT-31)."
        ),
        RuleDefinition(
            "BR-DEC-01", .warning,
            en: "The document-level allowance amount (BT-92) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ الخصم على مستوى المستند (BT-92) على منزلتين.",
            fixEN: "Round the document-level allowance amount (BT-92) to 2 decimal places.",
            fixAR: "قرّب مبلغ الخصم على مستوى المستند (BT-92) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-02", .warning,
            en: "The document-level allowance base amount (BT-93) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ الأساسي للخصم على مستوى المستند (BT-93) على منزلتين.",
            fixEN: "Round the document-level allowance base amount (BT-93) to 2 decimal places.",
            fixAR: "قرّب المبلغ الأساسي للخصم على مستوى المستند (BT-93) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-05", .warning,
            en: "The document-level charge amount (BT-99) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ الرسم الإضافي على مستوى المستند (BT-99) على منزلتين.",
            fixEN: "Round the document-level charge amount (BT-99) to 2 decimal places.",
            fixAR: "قرّب مبلغ الرسم الإضافي على مستوى المستند (BT-99) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-06", .warning,
            en: "The document-level charge base amount (BT-100) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ الأساسي للرسم الإضافي على مستوى المستند (BT-100) على منزلتين.",
            fixEN: "Round the document-level charge base amount (BT-100) to 2 decimal places.",
            fixAR: "قرّب المبلغ الأساسي للرسم الإضافي على مستوى المستند (BT-100) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-09", .warning,
            en: "The sum of line net amounts (BT-106) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مجموع صافي مبالغ البنود (BT-106) على منزلتين.",
            fixEN: "Round the sum of line net amounts (BT-106) to 2 decimal places.",
            fixAR: "قرّب مجموع صافي مبالغ البنود (BT-106) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-10", .warning,
            en: "The sum of document-level allowances (BT-107) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مجموع الخصومات على مستوى المستند (BT-107) على منزلتين.",
            fixEN: "Round the sum of document-level allowances (BT-107) to 2 decimal places.",
            fixAR: "قرّب مجموع الخصومات على مستوى المستند (BT-107) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-11", .warning,
            en: "The sum of document-level charges (BT-108) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مجموع الرسوم الإضافية على مستوى المستند (BT-108) على منزلتين.",
            fixEN: "Round the sum of document-level charges (BT-108) to 2 decimal places.",
            fixAR: "قرّب مجموع الرسوم الإضافية على مستوى المستند (BT-108) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-12", .warning,
            en: "The invoice total without VAT (BT-109) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في إجمالي الفاتورة غير شامل ضريبة القيمة المضافة (BT-109) على منزلتين.",
            fixEN: "Round the invoice total without VAT (BT-109) to 2 decimal places.",
            fixAR: "قرّب إجمالي الفاتورة غير شامل ضريبة القيمة المضافة (BT-109) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-13", .warning,
            en: "The invoice total VAT amount (BT-110) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في إجمالي مبلغ ضريبة القيمة المضافة (BT-110) على منزلتين.",
            fixEN: "Round the invoice total VAT amount (BT-110) to 2 decimal places.",
            fixAR: "قرّب إجمالي مبلغ ضريبة القيمة المضافة (BT-110) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-14", .warning,
            en: "The invoice total with VAT (BT-112) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في إجمالي الفاتورة شاملاً ضريبة القيمة المضافة (BT-112) على منزلتين.",
            fixEN: "Round the invoice total with VAT (BT-112) to 2 decimal places.",
            fixAR: "قرّب إجمالي الفاتورة شاملاً ضريبة القيمة المضافة (BT-112) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-15", .warning,
            en: "The total VAT amount in the accounting currency (BT-111) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في إجمالي ضريبة القيمة المضافة بعملة المحاسبة الضريبية (BT-111) على منزلتين.",
            fixEN: "Round the total VAT amount in the accounting currency (BT-111) to 2 decimal places.",
            fixAR: "قرّب إجمالي ضريبة القيمة المضافة بعملة المحاسبة الضريبية (BT-111) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-16", .warning,
            en: "The prepaid amount (BT-113) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ المدفوع مقدماً (BT-113) على منزلتين.",
            fixEN: "Round the prepaid amount (BT-113) to 2 decimal places.",
            fixAR: "قرّب المبلغ المدفوع مقدماً (BT-113) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-17", .warning,
            en: "The rounding amount (BT-114) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ التقريب (BT-114) على منزلتين.",
            fixEN: "Round the rounding amount (BT-114) to 2 decimal places.",
            fixAR: "قرّب مبلغ التقريب (BT-114) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-18", .warning,
            en: "The amount due for payment (BT-115) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ المستحق الدفع (BT-115) على منزلتين.",
            fixEN: "Round the amount due for payment (BT-115) to 2 decimal places.",
            fixAR: "قرّب المبلغ المستحق الدفع (BT-115) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-19", .warning,
            en: "The VAT category taxable amount (BT-116) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ الخاضع للضريبة للفئة الضريبية (BT-116) على منزلتين.",
            fixEN: "Round the VAT category taxable amount (BT-116) to 2 decimal places.",
            fixAR: "قرّب المبلغ الخاضع للضريبة للفئة الضريبية (BT-116) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-20", .warning,
            en: "The VAT category tax amount (BT-117) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ الضريبة للفئة الضريبية (BT-117) على منزلتين.",
            fixEN: "Round the VAT category tax amount (BT-117) to 2 decimal places.",
            fixAR: "قرّب مبلغ الضريبة للفئة الضريبية (BT-117) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-23", .warning,
            en: "The invoice line net amount (BT-131) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في صافي مبلغ البند (BT-131) على منزلتين.",
            fixEN: "Round the invoice line net amount (BT-131) to 2 decimal places.",
            fixAR: "قرّب صافي مبلغ البند (BT-131) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-24", .warning,
            en: "The line allowance amount (BT-136) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ الخصم على مستوى البند (BT-136) على منزلتين.",
            fixEN: "Round the line allowance amount (BT-136) to 2 decimal places.",
            fixAR: "قرّب مبلغ الخصم على مستوى البند (BT-136) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-25", .warning,
            en: "The line allowance base amount (BT-137) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ الأساسي للخصم على مستوى البند (BT-137) على منزلتين.",
            fixEN: "Round the line allowance base amount (BT-137) to 2 decimal places.",
            fixAR: "قرّب المبلغ الأساسي للخصم على مستوى البند (BT-137) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-27", .warning,
            en: "The line charge amount (BT-141) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ الرسم الإضافي على مستوى البند (BT-141) على منزلتين.",
            fixEN: "Round the line charge amount (BT-141) to 2 decimal places.",
            fixAR: "قرّب مبلغ الرسم الإضافي على مستوى البند (BT-141) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-DEC-28", .warning,
            en: "The line charge base amount (BT-142) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ الأساسي للرسم الإضافي على مستوى البند (BT-142) على منزلتين.",
            fixEN: "Round the line charge base amount (BT-142) to 2 decimal places.",
            fixAR: "قرّب المبلغ الأساسي للرسم الإضافي على مستوى البند (BT-142) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-E-01", .warning,
            en: "If any line, document-level allowance or charge has VAT category E (exempt from VAT), the VAT breakdown (BG-23) must contain an entry for category E.",
            ar: "إذا استُخدمت فئة الضريبة E (معفى من الضريبة) في أي بند أو خصم أو رسم إضافي على مستوى المستند، فيجب أن يتضمن تفصيل ضريبة القيمة المضافة (BG-23) سطراً للفئة E.",
            fixEN: "Add a VAT breakdown entry for category E.",
            fixAR: "أضف سطراً للفئة E في تفصيل ضريبة القيمة المضافة."
        ),
        RuleDefinition(
            "BR-E-05", .error,
            en: "On an invoice line whose VAT category is E (exempt from VAT), the VAT rate (BT-152) must be 0.",
            ar: "في البند ذي فئة الضريبة E (معفى من الضريبة)، يجب أن تكون نسبة الضريبة (BT-152) صفراً.",
            fixEN: "Set the VAT rate (BT-152) to 0 for category E.",
            fixAR: "اجعل نسبة الضريبة (BT-152) صفراً للفئة E."
        ),
        RuleDefinition(
            "BR-E-06", .error,
            en: "On a document-level allowance whose VAT category is E (exempt from VAT), the VAT rate (BT-96) must be 0.",
            ar: "في الخصم على مستوى المستند ذي فئة الضريبة E (معفى من الضريبة)، يجب أن تكون نسبة الضريبة (BT-96) صفراً.",
            fixEN: "Set the VAT rate (BT-96) to 0 for category E.",
            fixAR: "اجعل نسبة الضريبة (BT-96) صفراً للفئة E."
        ),
        RuleDefinition(
            "BR-E-07", .error,
            en: "On a document-level charge whose VAT category is E (exempt from VAT), the VAT rate (BT-103) must be 0.",
            ar: "في الرسم الإضافي على مستوى المستند ذي فئة الضريبة E (معفى من الضريبة)، يجب أن تكون نسبة الضريبة (BT-103) صفراً.",
            fixEN: "Set the VAT rate (BT-103) to 0 for category E.",
            fixAR: "اجعل نسبة الضريبة (BT-103) صفراً للفئة E."
        ),
        RuleDefinition(
            "BR-E-08", .warning,
            en: "The taxable amount (BT-116) of the category E entry in the VAT breakdown must equal the net amounts of the E lines, minus the E document-level allowances, plus the E document-level charges.",
            ar: "يجب أن يساوي المبلغ الخاضع للضريبة (BT-116) لسطر الفئة E في تفصيل الضريبة مجموع صافي مبالغ بنود الفئة E مطروحاً منه خصوماتها ومضافاً إليه رسومها الإضافية على مستوى المستند.",
            fixEN: "Recalculate the category E taxable amount from its lines, allowances and charges.",
            fixAR: "أعد احتساب المبلغ الخاضع للضريبة للفئة E من بنودها وخصوماتها ورسومها الإضافية."
        ),
        RuleDefinition(
            "BR-E-09", .error,
            en: "The VAT amount (BT-117) of the category E entry in the VAT breakdown must be 0.",
            ar: "يجب أن يكون مبلغ الضريبة (BT-117) لسطر الفئة E في تفصيل ضريبة القيمة المضافة صفراً.",
            fixEN: "Set the VAT amount of the category E breakdown entry to 0.",
            fixAR: "اجعل مبلغ الضريبة لسطر الفئة E في تفصيل الضريبة صفراً."
        ),
        RuleDefinition(
            "BR-KSA-03", .error,
            en: "The invoice must carry a unique identifier (UUID, KSA-1), made only of letters, digits and dashes.",
            ar: "يجب أن تحمل الفاتورة معرّفاً فريداً (UUID، KSA-1) يتكون من أحرف وأرقام وشرطات فقط.",
            fixEN: "Generate a new UUID for the invoice (KSA-1).",
            fixAR: "أنشئ معرّفاً فريداً جديداً (UUID) للفاتورة (KSA-1)."
        ),
        RuleDefinition(
            "BR-KSA-04", .error,
            en: "The issue date (BT-2) must not be later than today.",
            ar: "يجب ألا يكون تاريخ الإصدار (BT-2) لاحقاً لتاريخ اليوم.",
            fixEN: "Set the issue date (BT-2) to today or an earlier date.",
            fixAR: "اضبط تاريخ الإصدار (BT-2) على تاريخ اليوم أو تاريخ سابق."
        ),
        RuleDefinition(
            "BR-KSA-05", .error,
            en: "The invoice type code (BT-3) must be one ZATCA accepts: 388 (tax invoice), 381 (credit note), 383 (debit note) or 386 (prepayment invoice).",
            ar: "يجب أن يكون رمز نوع الفاتورة (BT-3) من الرموز التي تقبلها هيئة الزكاة والضريبة والجمارك: 388 (فاتورة ضريبية) أو 381 (إشعار دائن) أو 383 (إشعار مدين) أو 386 (فاتورة دفعة مقدمة).",
            fixEN: "Set the type code (BT-3) to 388, 381, 383 or 386.",
            fixAR: "اضبط رمز النوع (BT-3) على 388 أو 381 أو 383 أو 386."
        ),
        RuleDefinition(
            "BR-KSA-06", .error,
            en: "The invoice transaction code (KSA-2) must be present: 7 or 9 characters, starting with 01 (tax invoice) or 02 (simplified tax invoice), followed by 0/1 flags for third party, nominal, export, summary and self-billed.",
            ar: "يجب أن يتضمن المستند رمز نوع المعاملة (KSA-2) بطول 7 أو 9 أحرف، يبدأ بـ 01 (فاتورة ضريبية) أو 02 (فاتورة ضريبية مبسطة)، تليه مؤشرات 0 أو 1 للطرف الثالث والمعاملة الاسمية والتصدير والفاتورة الملخصة والفوترة الذاتية.",
            fixEN: "Set the transaction code (KSA-2), e.g. 0100000 or 0200000.",
            fixAR: "اضبط رمز نوع المعاملة (KSA-2)، مثل 0100000 أو 0200000."
        ),
        RuleDefinition(
            "BR-KSA-07", .error,
            en: "An export invoice (KSA-2, position 5 = 1) cannot be self-billed (KSA-2, position 7 must be 0).",
            ar: "لا يجوز أن تكون فاتورة التصدير (KSA-2، الخانة 5 = 1) فاتورة فوترة ذاتية (يجب أن تكون الخانة 7 في KSA-2 صفراً).",
            fixEN: "Clear the self-billing flag (KSA-2, position 7) on export invoices.",
            fixAR: "ألغِ مؤشر الفوترة الذاتية (KSA-2، الخانة 7) في فواتير التصدير."
        ),
        RuleDefinition(
            "BR-KSA-08", .warning,
            en: "The seller must be identified once by another ID (BT-29), such as the commercial registration number, with scheme CRN, MOM, MLS, SAG, OTH or 700; the ID may contain only letters and digits.",
            ar: "يجب تعريف البائع مرة واحدة بمعرّف آخر (BT-29) مثل رقم السجل التجاري، بأحد أنواع المعرّفات CRN أو MOM أو MLS أو SAG أو OTH أو 700، وأن يتكون المعرّف من أحرف وأرقام فقط.",
            fixEN: "Enter one seller ID (BT-29), e.g. the commercial registration number with scheme CRN.",
            fixAR: "أدخل معرّفاً واحداً للبائع (BT-29)، مثل رقم السجل التجاري بنوع المعرّف CRN."
        ),
        RuleDefinition(
            "BR-KSA-09", .warning,
            en: "The seller address must include the street (BT-35), building number (KSA-17), postal code (BT-38), city (BT-37), district (KSA-3) and country code (BT-40), as in the Saudi national address.",
            ar: "يجب أن يتضمن عنوان البائع اسم الشارع (BT-35) ورقم المبنى (KSA-17) والرمز البريدي (BT-38) والمدينة (BT-37) والحي (KSA-3) ورمز الدولة (BT-40)، وفق العنوان الوطني السعودي.",
            fixEN: "Complete the seller address from its national address.",
            fixAR: "أكمل عنوان البائع وفق عنوانه الوطني."
        ),
        RuleDefinition(
            "BR-KSA-10", .warning,
            en: "On a tax invoice (and its credit and debit notes), the buyer address must include at least the street (BT-50), city (BT-52) and country code (BT-55). Simplified invoices are not affected.",
            ar: "في الفاتورة الضريبية (والإشعارات الدائنة والمدينة المرتبطة بها)، يجب أن يتضمن عنوان المشتري على الأقل اسم الشارع (BT-50) والمدينة (BT-52) ورمز الدولة (BT-55). ولا ينطبق ذلك على الفواتير المبسطة.",
            fixEN: "Add the buyer street, city and country code.",
            fixAR: "أضف اسم الشارع والمدينة ورمز الدولة في عنوان المشتري."
        ),
        RuleDefinition(
            "BR-KSA-11", .error,
            en: "On an invoice line whose VAT category is O (not subject to VAT), the VAT rate (BT-152), if given, must be 0.",
            ar: "في البند ذي فئة الضريبة O (غير خاضع للضريبة)، يجب أن تكون نسبة الضريبة (BT-152) صفراً إن ذُكرت.",
            fixEN: "Set the VAT rate (BT-152) to 0 or leave it out for category O.",
            fixAR: "اجعل نسبة الضريبة (BT-152) صفراً أو احذفها للفئة O."
        ),
        RuleDefinition(
            "BR-KSA-12", .warning,
            en: "On a document-level allowance whose VAT category is O (not subject to VAT), the VAT rate (BT-96), if given, must be 0.",
            ar: "في الخصم على مستوى المستند ذي فئة الضريبة O (غير خاضع للضريبة)، يجب أن تكون نسبة الضريبة (BT-96) صفراً إن ذُكرت.",
            fixEN: "Set the allowance VAT rate (BT-96) to 0 for category O.",
            fixAR: "اجعل نسبة ضريبة الخصم (BT-96) صفراً للفئة O."
        ),
        RuleDefinition(
            "BR-KSA-13", .warning,
            en: "On a document-level charge whose VAT category is O (not subject to VAT), the VAT rate (BT-103), if given, must be 0.",
            ar: "في الرسم الإضافي على مستوى المستند ذي فئة الضريبة O (غير خاضع للضريبة)، يجب أن تكون نسبة الضريبة (BT-103) صفراً إن ذُكرت.",
            fixEN: "Set the charge VAT rate (BT-103) to 0 for category O.",
            fixAR: "اجعل نسبة ضريبة الرسم الإضافي (BT-103) صفراً للفئة O."
        ),
        RuleDefinition(
            "BR-KSA-14", .error,
            en: "A buyer without a VAT number must be identified by another ID (BT-46) with scheme TIN, CRN, MOM, MLS, 700, SAG, NAT, GCC, IQA, PAS or OTH; the ID may contain only letters and digits.",
            ar: "يجب تعريف المشتري غير المسجل في ضريبة القيمة المضافة بمعرّف آخر (BT-46) بأحد أنواع المعرّفات TIN أو CRN أو MOM أو MLS أو 700 أو SAG أو NAT أو GCC أو IQA أو PAS أو OTH، وأن يتكون المعرّف من أحرف وأرقام فقط.",
            fixEN: "Enter the buyer ID (BT-46) with a valid scheme, e.g. CRN or NAT.",
            fixAR: "أدخل معرّف المشتري (BT-46) بنوع معرّف صالح، مثل CRN أو NAT."
        ),
        RuleDefinition(
            "BR-KSA-15", .warning,
            en: "A tax invoice (type 388, transaction code starting with 01) must state the supply date (KSA-5).",
            ar: "يجب أن تتضمن الفاتورة الضريبية (النوع 388 ورمز المعاملة يبدأ بـ 01) تاريخ التوريد (KSA-5).",
            fixEN: "Enter the supply date (KSA-5).",
            fixAR: "أدخل تاريخ التوريد (KSA-5)."
        ),
        RuleDefinition(
            "BR-KSA-16", .warning,
            en: "If a payment means code (BT-81) is given, it must be one of the UNTDID 4461 codes ZATCA accepts.",
            ar: "إذا ذُكر رمز وسيلة الدفع (BT-81)، فيجب أن يكون من رموز قائمة UNTDID 4461 التي تقبلها الهيئة.",
            fixEN: "Use a valid payment means code, e.g. 10 (cash), 30 (credit transfer) or 48 (bank card).",
            fixAR: "استخدم رمز وسيلة دفع صالحاً، مثل 10 (نقداً) أو 30 (تحويل بنكي) أو 48 (بطاقة مصرفية)."
        ),
        RuleDefinition(
            "BR-KSA-17", .error,
            en: "A credit note (381) or debit note (383) must state why it is issued (KSA-10).",
            ar: "يجب أن يذكر الإشعار الدائن (381) أو الإشعار المدين (383) سبب إصداره (KSA-10).",
            fixEN: "Enter the reason for issuing the note (KSA-10).",
            fixAR: "أدخل سبب إصدار الإشعار (KSA-10)."
        ),
        RuleDefinition(
            "BR-KSA-18", .error,
            en: "Every VAT category code must be S, Z, E or O.",
            ar: "يجب أن يكون كل رمز لفئة ضريبة القيمة المضافة أحد الرموز S أو Z أو E أو O.",
            fixEN: "Change the VAT category to S, Z, E or O.",
            fixAR: "غيّر فئة الضريبة إلى S أو Z أو E أو O."
        ),
        RuleDefinition(
            "BR-KSA-19", .warning,
            en: "Every document-level charge (BG-21) must have a reason code (BT-105).",
            ar: "يجب أن يكون لكل رسم إضافي على مستوى المستند (BG-21) رمز سبب (BT-105).",
            fixEN: "Add a reason code (BT-105) to the charge.",
            fixAR: "أضف رمز السبب (BT-105) إلى الرسم الإضافي."
        ),
        RuleDefinition(
            "BR-KSA-20", .warning,
            en: "Every line-level charge (BG-28) must have a reason code (BT-145).",
            ar: "يجب أن يكون لكل رسم إضافي على مستوى البند (BG-28) رمز سبب (BT-145).",
            fixEN: "Add a reason code (BT-145) to the line charge.",
            fixAR: "أضف رمز السبب (BT-145) إلى الرسم الإضافي على مستوى البند."
        ),
        RuleDefinition(
            "BR-KSA-21", .warning,
            en: "Every document-level charge (BG-21) must have a reason in words (BT-104).",
            ar: "يجب أن يكون لكل رسم إضافي على مستوى المستند (BG-21) سبب مكتوب (BT-104).",
            fixEN: "Describe the reason for the charge (BT-104).",
            fixAR: "اكتب سبب الرسم الإضافي (BT-104)."
        ),
        RuleDefinition(
            "BR-KSA-22", .warning,
            en: "Every line-level charge (BG-28) must have a reason in words (BT-144).",
            ar: "يجب أن يكون لكل رسم إضافي على مستوى البند (BG-28) سبب مكتوب (BT-144).",
            fixEN: "Describe the reason for the line charge (BT-144).",
            fixAR: "اكتب سبب الرسم الإضافي على مستوى البند (BT-144)."
        ),
        RuleDefinition(
            "BR-KSA-23", .warning,
            en: "A VAT breakdown entry for category E (exempt from VAT) must carry an exemption reason code (BT-121).",
            ar: "يجب أن يتضمن سطر الفئة E (معفى من الضريبة) في تفصيل ضريبة القيمة المضافة رمز سبب الإعفاء (BT-121).",
            fixEN: "Add the exemption reason code (BT-121), e.g. VATEX-SA-29.",
            fixAR: "أضف رمز سبب الإعفاء (BT-121)، مثل VATEX-SA-29."
        ),
        RuleDefinition(
            "BR-KSA-24", .warning,
            en: "A VAT breakdown entry for category O (not subject to VAT) must carry a reason code (BT-121).",
            ar: "يجب أن يتضمن سطر الفئة O (غير خاضع للضريبة) في تفصيل ضريبة القيمة المضافة رمز السبب (BT-121).",
            fixEN: "Add the reason code VATEX-SA-OOS (BT-121).",
            fixAR: "أضف رمز السبب VATEX-SA-OOS (BT-121)."
        ),
        RuleDefinition(
            "BR-KSA-25", .warning,
            en: "On a simplified tax invoice (and its credit and debit notes) that uses the reason code VATEX-SA-EDU or VATEX-SA-HEA, the buyer name (BT-44) is required.",
            ar: "في الفاتورة الضريبية المبسطة (والإشعارات الدائنة والمدينة المرتبطة بها) التي تستخدم رمز السبب VATEX-SA-EDU أو VATEX-SA-HEA، يجب ذكر اسم المشتري (BT-44).",
            fixEN: "Enter the buyer name (BT-44).",
            fixAR: "أدخل اسم المشتري (BT-44)."
        ),
        RuleDefinition(
            "BR-KSA-26", .warning,
            en: "The previous invoice hash (KSA-13), when present, must be a base64-encoded SHA-256 hash.",
            ar: "يجب أن يكون رمز التجزئة للفاتورة السابقة (KSA-13)، عند وجوده، قيمة SHA-256 مرمّزة بصيغة base64.",
            fixEN: "Put the base64 SHA-256 hash of the previous invoice in KSA-13.",
            fixAR: "ضع في KSA-13 قيمة التجزئة SHA-256 للفاتورة السابقة بصيغة base64."
        ),
        RuleDefinition(
            "BR-KSA-27", .warning,
            en: "Every document needs a QR code (KSA-14), embedded as base64 text.",
            ar: "يجب أن يتضمن المستند رمز الاستجابة السريعة (KSA-14) مرمّزاً بصيغة base64.",
            fixEN: "Generate the QR code (KSA-14) and embed it in base64.",
            fixAR: "أنشئ رمز الاستجابة السريعة (KSA-14) وأدرجه بصيغة base64."
        ),
        RuleDefinition(
            "BR-KSA-28", .error,
            en: "If the cryptographic stamp (KSA-15) is present, its signature information ID must be exactly urn:oasis:names:specification:ubl:signature:1.",
            ar: "إذا وُجد الختم التشفيري (KSA-15)، فيجب أن يكون معرّف معلومات التوقيع فيه urn:oasis:names:specification:ubl:signature:1 حرفياً.",
            fixEN: "Set the signature information ID to urn:oasis:names:specification:ubl:signature:1.",
            fixAR: "اضبط معرّف معلومات التوقيع على urn:oasis:names:specification:ubl:signature:1."
        ),
        RuleDefinition(
            "BR-KSA-29", .warning,
            en: "If the cryptographic stamp (KSA-15) is present, the signature ID and referenced signature ID must be exactly urn:oasis:names:specification:ubl:signature:Invoice.",
            ar: "إذا وُجد الختم التشفيري (KSA-15)، فيجب أن يكون معرّف التوقيع ومعرّف التوقيع المشار إليه urn:oasis:names:specification:ubl:signature:Invoice حرفياً.",
            fixEN: "Set both signature IDs to urn:oasis:names:specification:ubl:signature:Invoice.",
            fixAR: "اضبط معرّفَي التوقيع على urn:oasis:names:specification:ubl:signature:Invoice."
        ),
        RuleDefinition(
            "BR-KSA-30", .error,
            en: "The signature method of the cryptographic stamp (KSA-15) must be exactly urn:oasis:names:specification:ubl:dsig:enveloped:xades.",
            ar: "يجب أن تكون طريقة التوقيع في الختم التشفيري (KSA-15) urn:oasis:names:specification:ubl:dsig:enveloped:xades حرفياً.",
            fixEN: "Set the signature method to urn:oasis:names:specification:ubl:dsig:enveloped:xades.",
            fixAR: "اضبط طريقة التوقيع على urn:oasis:names:specification:ubl:dsig:enveloped:xades."
        ),
        RuleDefinition(
            "BR-KSA-31", .error,
            en: "A simplified tax invoice (and its credit and debit notes) cannot be self-billed (KSA-2, position 7 must be 0).",
            ar: "لا يجوز أن تكون الفاتورة الضريبية المبسطة (والإشعارات الدائنة والمدينة المرتبطة بها) فاتورة فوترة ذاتية (يجب أن تكون الخانة 7 في KSA-2 صفراً).",
            fixEN: "Clear the self-billing flag (KSA-2, position 7), or issue a tax invoice instead.",
            fixAR: "ألغِ مؤشر الفوترة الذاتية (KSA-2، الخانة 7) أو أصدر فاتورة ضريبية بدلاً منها."
        ),
        RuleDefinition(
            "BR-KSA-33", .error,
            en: "Every document must carry an invoice counter value (ICV, KSA-16).",
            ar: "يجب أن يحمل كل مستند قيمة عداد الفواتير (ICV، KSA-16).",
            fixEN: "Add the invoice counter value (KSA-16).",
            fixAR: "أضف قيمة عداد الفواتير (KSA-16)."
        ),
        RuleDefinition(
            "BR-KSA-34", .error,
            en: "Only digits are allowed in the invoice counter value (KSA-16).",
            ar: "يجب أن تتكون قيمة عداد الفواتير (KSA-16) من أرقام فقط.",
            fixEN: "Use a whole number as the invoice counter (KSA-16).",
            fixAR: "استخدم عدداً صحيحاً لعداد الفواتير (KSA-16)."
        ),
        RuleDefinition(
            "BR-KSA-35", .warning,
            en: "If a supply end date (KSA-24) is given, the supply date (KSA-5) must be given too.",
            ar: "إذا ذُكر تاريخ انتهاء التوريد (KSA-24)، فيجب ذكر تاريخ التوريد (KSA-5) أيضاً.",
            fixEN: "Enter the supply date (KSA-5).",
            fixAR: "أدخل تاريخ التوريد (KSA-5)."
        ),
        RuleDefinition(
            "BR-KSA-36", .warning,
            en: "The supply end date (KSA-24) must not be earlier than the supply date (KSA-5).",
            ar: "يجب ألا يكون تاريخ انتهاء التوريد (KSA-24) سابقاً لتاريخ التوريد (KSA-5).",
            fixEN: "Correct the supply dates so the end date is on or after the start date.",
            fixAR: "صحّح تواريخ التوريد بحيث يكون تاريخ الانتهاء في تاريخ البدء أو بعده."
        ),
        RuleDefinition(
            "BR-KSA-37", .warning,
            en: "The seller building number (KSA-17) must be exactly 4 digits.",
            ar: "يجب أن يتكون رقم مبنى البائع (KSA-17) من 4 أرقام بالضبط.",
            fixEN: "Enter the 4-digit building number from the national address.",
            fixAR: "أدخل رقم المبنى المكوّن من 4 أرقام من العنوان الوطني."
        ),
        RuleDefinition(
            "BR-KSA-39", .error,
            en: "The invoice must contain the seller VAT number (BT-31), or the VAT group number.",
            ar: "يجب أن تتضمن الفاتورة الرقم الضريبي للبائع (BT-31) أو الرقم الضريبي للمجموعة.",
            fixEN: "Enter the seller VAT number (BT-31).",
            fixAR: "أدخل الرقم الضريبي للبائع (BT-31)."
        ),
        RuleDefinition(
            "BR-KSA-40", .error,
            en: "The seller VAT number (BT-31) must have 15 digits, starting and ending with 3.",
            ar: "يجب أن يتكون الرقم الضريبي للبائع (BT-31) من 15 رقماً، يبدأ بالرقم 3 وينتهي به.",
            fixEN: "Correct the seller VAT number (BT-31) to the 15-digit number on the VAT certificate.",
            fixAR: "صحّح الرقم الضريبي للبائع (BT-31) ليطابق الرقم المكوّن من 15 رقماً في شهادة التسجيل الضريبي."
        ),
        RuleDefinition(
            "BR-KSA-42", .warning,
            en: "A tax invoice (and its credit and debit notes) must give the buyer name (BT-44).",
            ar: "يجب أن تتضمن الفاتورة الضريبية (والإشعارات الدائنة والمدينة المرتبطة بها) اسم المشتري (BT-44).",
            fixEN: "Enter the buyer name (BT-44).",
            fixAR: "أدخل اسم المشتري (BT-44)."
        ),
        RuleDefinition(
            "BR-KSA-44", .error,
            en: "The buyer VAT number (BT-48), if given, must have 15 digits, starting and ending with 3.",
            ar: "يجب أن يتكون الرقم الضريبي للمشتري (BT-48)، إن ذُكر، من 15 رقماً، يبدأ بالرقم 3 وينتهي به.",
            fixEN: "Correct the buyer VAT number (BT-48) or remove it.",
            fixAR: "صحّح الرقم الضريبي للمشتري (BT-48) أو احذفه."
        ),
        RuleDefinition(
            "BR-KSA-49", .error,
            en: "When the reason code VATEX-SA-EDU or VATEX-SA-HEA is used, the buyer must be identified by a national ID (BT-46 with scheme NAT).",
            ar: "عند استخدام رمز السبب VATEX-SA-EDU أو VATEX-SA-HEA، يجب تعريف المشتري برقم الهوية الوطنية (BT-46 بنوع المعرّف NAT).",
            fixEN: "Enter the buyer national ID (BT-46) with scheme NAT.",
            fixAR: "أدخل رقم الهوية الوطنية للمشتري (BT-46) بنوع المعرّف NAT."
        ),
        RuleDefinition(
            "BR-KSA-51", .warning,
            en: "Each line's amount including VAT (KSA-12) must equal its net amount (BT-131) plus its VAT amount (KSA-11).",
            ar: "يجب أن يساوي مبلغ البند شاملاً الضريبة (KSA-12) صافي مبلغ البند (BT-131) مضافاً إليه مبلغ ضريبة البند (KSA-11).",
            fixEN: "Recalculate KSA-12 as BT-131 plus KSA-11.",
            fixAR: "أعد احتساب KSA-12 بجمع BT-131 وKSA-11."
        ),
        RuleDefinition(
            "BR-KSA-52", .error,
            en: "On a tax invoice (and its credit and debit notes), every line must state its VAT amount (KSA-11).",
            ar: "في الفاتورة الضريبية (والإشعارات الدائنة والمدينة المرتبطة بها)، يجب أن يذكر كل بند مبلغ ضريبة القيمة المضافة الخاص به (KSA-11).",
            fixEN: "Add the VAT amount (KSA-11) to each line.",
            fixAR: "أضف مبلغ الضريبة (KSA-11) إلى كل بند."
        ),
        RuleDefinition(
            "BR-KSA-53", .error,
            en: "On a tax invoice (and its credit and debit notes), every line must state its amount including VAT (KSA-12).",
            ar: "في الفاتورة الضريبية (والإشعارات الدائنة والمدينة المرتبطة بها)، يجب أن يذكر كل بند مبلغه شاملاً ضريبة القيمة المضافة (KSA-12).",
            fixEN: "Add the amount including VAT (KSA-12) to each line.",
            fixAR: "أضف المبلغ شاملاً الضريبة (KSA-12) إلى كل بند."
        ),
        RuleDefinition(
            "BR-KSA-56", .warning,
            en: "A credit note (381) or debit note (383) must reference the original invoice (billing reference ID, BT-25).",
            ar: "يجب أن يشير الإشعار الدائن (381) أو الإشعار المدين (383) إلى الفاتورة الأصلية (رقم مرجع الفاتورة، BT-25).",
            fixEN: "Enter the number of the original invoice (BT-25).",
            fixAR: "أدخل رقم الفاتورة الأصلية (BT-25)."
        ),
        RuleDefinition(
            "BR-KSA-60", .warning,
            en: "A simplified tax invoice (and its credit and debit notes) must carry the cryptographic stamp (KSA-15).",
            ar: "يجب أن تحمل الفاتورة الضريبية المبسطة (والإشعارات الدائنة والمدينة المرتبطة بها) الختم التشفيري (KSA-15).",
            fixEN: "Sign the document before sending it.",
            fixAR: "وقّع المستند قبل إرساله."
        ),
        RuleDefinition(
            "BR-KSA-61", .warning,
            en: "Every document must carry the hash of the previous invoice (PIH, KSA-13).",
            ar: "يجب أن يحمل كل مستند رمز التجزئة للفاتورة السابقة (PIH، KSA-13).",
            fixEN: "Add the previous invoice hash (KSA-13).",
            fixAR: "أضف رمز التجزئة للفاتورة السابقة (KSA-13)."
        ),
        RuleDefinition(
            "BR-KSA-63", .warning,
            en: "If the buyer is in Saudi Arabia (BT-55 = SA), the buyer address must include the street (BT-50), building number (KSA-18), postal code (BT-53), city (BT-52), district (KSA-4) and country code (BT-55).",
            ar: "إذا كان المشتري في المملكة العربية السعودية (BT-55 = SA)، فيجب أن يتضمن عنوانه اسم الشارع (BT-50) ورقم المبنى (KSA-18) والرمز البريدي (BT-53) والمدينة (BT-52) والحي (KSA-4) ورمز الدولة (BT-55).",
            fixEN: "Complete the buyer address from its national address.",
            fixAR: "أكمل عنوان المشتري وفق عنوانه الوطني."
        ),
        RuleDefinition(
            "BR-KSA-66", .warning,
            en: "The seller's postal code (BT-38) has to be a 5-digit number.",
            ar: "يجب أن يتكون الرمز البريدي للبائع (BT-38) من 5 أرقام بالضبط.",
            fixEN: "Enter the 5-digit postal code of the seller.",
            fixAR: "أدخل الرمز البريدي للبائع المكوّن من 5 أرقام."
        ),
        RuleDefinition(
            "BR-KSA-67", .warning,
            en: "If the buyer is in Saudi Arabia (BT-55 = SA), the buyer postal code (BT-53) must be exactly 5 digits.",
            ar: "إذا كان المشتري في المملكة العربية السعودية (BT-55 = SA)، فيجب أن يتكون رمزه البريدي (BT-53) من 5 أرقام بالضبط.",
            fixEN: "Enter the 5-digit postal code of the buyer.",
            fixAR: "أدخل الرمز البريدي للمشتري المكوّن من 5 أرقام."
        ),
        RuleDefinition(
            "BR-KSA-68", .error,
            en: "The invoice must state the tax currency code (BT-6).",
            ar: "يجب أن تتضمن الفاتورة رمز عملة الضريبة (BT-6).",
            fixEN: "Set the tax currency code (BT-6) to SAR.",
            fixAR: "اضبط رمز عملة الضريبة (BT-6) على SAR."
        ),
        RuleDefinition(
            "BR-KSA-69", .warning,
            en: "A VAT breakdown entry for category Z (zero rated) must carry a reason code (BT-121).",
            ar: "يجب أن يتضمن سطر الفئة Z (خاضع للنسبة الصفرية) في تفصيل ضريبة القيمة المضافة رمز السبب (BT-121).",
            fixEN: "Add the reason code (BT-121), e.g. VATEX-SA-32 for exports of goods.",
            fixAR: "أضف رمز السبب (BT-121)، مثل VATEX-SA-32 لتصدير السلع."
        ),
        RuleDefinition(
            "BR-KSA-70", .error,
            en: "The invoice must state its issue time (KSA-25) as hh:mm:ss (local time) or hh:mm:ssZ (UTC).",
            ar: "يجب أن تتضمن الفاتورة وقت الإصدار (KSA-25) بالصيغة hh:mm:ss (بالتوقيت المحلي) أو hh:mm:ssZ (بالتوقيت العالمي المنسق).",
            fixEN: "Enter the issue time (KSA-25), e.g. 14:30:00.",
            fixAR: "أدخل وقت الإصدار (KSA-25)، مثل 14:30:00."
        ),
        RuleDefinition(
            "BR-KSA-71", .warning,
            en: "A simplified summary invoice (KSA-2 starting with 02, position 6 = 1) must give the buyer name (BT-44).",
            ar: "يجب أن تتضمن الفاتورة الضريبية المبسطة الملخصة (KSA-2 يبدأ بـ 02 والخانة 6 = 1) اسم المشتري (BT-44).",
            fixEN: "Enter the buyer name (BT-44).",
            fixAR: "أدخل اسم المشتري (BT-44)."
        ),
        RuleDefinition(
            "BR-KSA-72", .error,
            en: "A simplified summary invoice (KSA-2 starting with 02, position 6 = 1) must give both the supply date (KSA-5) and the supply end date (KSA-24).",
            ar: "يجب أن تتضمن الفاتورة الضريبية المبسطة الملخصة (KSA-2 يبدأ بـ 02 والخانة 6 = 1) تاريخ التوريد (KSA-5) وتاريخ انتهاء التوريد (KSA-24) كليهما.",
            fixEN: "Enter the supply start and end dates (KSA-5, KSA-24).",
            fixAR: "أدخل تاريخ بدء التوريد وتاريخ انتهائه (KSA-5، KSA-24)."
        ),
        RuleDefinition(
            "BR-KSA-73", .warning,
            en: "When a prepaid amount (BT-113) is deducted, the invoice must have a line for each prepayment invoice giving its number (KSA-26), issue date (KSA-28), issue time (KSA-29) and document type (KSA-30).",
            ar: "عند خصم مبلغ مدفوع مقدماً (BT-113)، يجب أن تتضمن الفاتورة بنداً لكل فاتورة دفعة مقدمة يذكر رقمها (KSA-26) وتاريخ إصدارها (KSA-28) ووقت إصدارها (KSA-29) ونوع المستند (KSA-30).",
            fixEN: "Add a prepayment line referencing each prepayment invoice.",
            fixAR: "أضف بند دفعة مقدمة يشير إلى كل فاتورة دفعة مقدمة."
        ),
        RuleDefinition(
            "BR-KSA-74", .error,
            en: "The document type code of a prepayment reference on a line (KSA-30) must be 386.",
            ar: "يجب أن يكون رمز نوع المستند في مرجع الدفعة المقدمة على مستوى البند (KSA-30) هو 386.",
            fixEN: "Set the prepayment document type code (KSA-30) to 386.",
            fixAR: "اضبط رمز نوع مستند الدفعة المقدمة (KSA-30) على 386."
        ),
        RuleDefinition(
            "BR-KSA-75", .warning,
            en: "A prepayment line must state the prepaid VAT breakdown: taxable amount (KSA-31), VAT amount (KSA-32), VAT category (KSA-33) and VAT rate (KSA-34).",
            ar: "يجب أن يذكر بند الدفعة المقدمة تفصيل ضريبتها: المبلغ الخاضع للضريبة (KSA-31) ومبلغ الضريبة (KSA-32) وفئة الضريبة (KSA-33) ونسبة الضريبة (KSA-34).",
            fixEN: "Add the prepaid taxable amount, VAT amount, category and rate to the prepayment line.",
            fixAR: "أضف المبلغ الخاضع للضريبة ومبلغ الضريبة والفئة والنسبة إلى بند الدفعة المقدمة."
        ),
        RuleDefinition(
            "BR-KSA-76", .warning,
            en: "On a prepayment line whose VAT category (KSA-33) is Z (zero rated), the prepayment VAT rate (KSA-34) must be 0.",
            ar: "في بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي Z (خاضع للنسبة الصفرية)، يجب أن تكون نسبة الضريبة (KSA-34) صفراً.",
            fixEN: "Set the prepayment VAT rate (KSA-34) to 0.",
            fixAR: "اجعل نسبة ضريبة الدفعة المقدمة (KSA-34) صفراً."
        ),
        RuleDefinition(
            "BR-KSA-77", .warning,
            en: "On a prepayment line whose VAT category (KSA-33) is E (exempt from VAT), the prepayment VAT rate (KSA-34) must be 0.",
            ar: "في بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي E (معفى من الضريبة)، يجب أن تكون نسبة الضريبة (KSA-34) صفراً.",
            fixEN: "Set the prepayment VAT rate (KSA-34) to 0.",
            fixAR: "اجعل نسبة ضريبة الدفعة المقدمة (KSA-34) صفراً."
        ),
        RuleDefinition(
            "BR-KSA-78", .warning,
            en: "On a prepayment line whose VAT category (KSA-33) is O (not subject to VAT), the prepayment VAT rate (KSA-34) must be 0.",
            ar: "في بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي O (غير خاضع للضريبة)، يجب أن تكون نسبة الضريبة (KSA-34) صفراً.",
            fixEN: "Set the prepayment VAT rate (KSA-34) to 0.",
            fixAR: "اجعل نسبة ضريبة الدفعة المقدمة (KSA-34) صفراً."
        ),
        RuleDefinition(
            "BR-KSA-79", .warning,
            en: "The prepaid VAT amount (KSA-32) must equal the prepaid taxable amount (KSA-31) times the prepayment VAT rate (KSA-34) divided by 100.",
            ar: "يجب أن يساوي مبلغ ضريبة الدفعة المقدمة (KSA-32) المبلغ الخاضع للضريبة للدفعة (KSA-31) مضروباً في نسبة الضريبة (KSA-34) مقسوماً على 100.",
            fixEN: "Recalculate KSA-32 from KSA-31 and KSA-34.",
            fixAR: "أعد احتساب KSA-32 من KSA-31 وKSA-34."
        ),
        RuleDefinition(
            "BR-KSA-80", .warning,
            en: "The prepaid amount (BT-113) must equal the total of the prepaid taxable amounts (KSA-31) and prepaid VAT amounts (KSA-32) on the prepayment lines.",
            ar: "يجب أن يساوي المبلغ المدفوع مقدماً (BT-113) مجموع المبالغ الخاضعة للضريبة (KSA-31) ومبالغ الضريبة (KSA-32) في بنود الدفعات المقدمة.",
            fixEN: "Make BT-113 equal to the sum of KSA-31 and KSA-32 over the prepayment lines.",
            fixAR: "اجعل BT-113 مساوياً لمجموع KSA-31 وKSA-32 في بنود الدفعات المقدمة."
        ),
        RuleDefinition(
            "BR-KSA-81", .warning,
            en: "On a tax invoice (and its credit and debit notes) where the buyer has no VAT number (BT-48), another buyer ID (BT-46) is required.",
            ar: "في الفاتورة الضريبية (والإشعارات الدائنة والمدينة المرتبطة بها)، إذا لم يُذكر الرقم الضريبي للمشتري (BT-48)، فيجب ذكر معرّف آخر للمشتري (BT-46).",
            fixEN: "Enter the buyer VAT number (BT-48) or another buyer ID (BT-46).",
            fixAR: "أدخل الرقم الضريبي للمشتري (BT-48) أو معرّفاً آخر له (BT-46)."
        ),
        RuleDefinition(
            "BR-KSA-82", .error,
            en: "On a prepayment line (KSA-30 given), the price, line allowances and charges, net amount, line VAT (KSA-11) and amount with VAT (KSA-12) must all be 0.",
            ar: "في بند الدفعة المقدمة (عند ذكر KSA-30)، يجب أن تكون قيم السعر والخصومات والرسوم الإضافية على مستوى البند وصافي المبلغ وضريبة البند (KSA-11) والمبلغ شاملاً الضريبة (KSA-12) كلها صفراً.",
            fixEN: "Set all amounts on the prepayment line to 0.",
            fixAR: "اجعل جميع المبالغ في بند الدفعة المقدمة صفراً."
        ),
        RuleDefinition(
            "BR-KSA-83", .warning,
            en: "A VAT breakdown entry for category Z, E or O must carry an exemption reason text (BT-120) taken from ZATCA's list of reasons.",
            ar: "يجب أن يتضمن سطر الفئة Z أو E أو O في تفصيل ضريبة القيمة المضافة نص سبب الإعفاء (BT-120) من قائمة الأسباب المعتمدة لدى الهيئة.",
            fixEN: "Add the reason text that matches the reason code (BT-121).",
            fixAR: "أضف نص السبب المطابق لرمز السبب (BT-121)."
        ),
        RuleDefinition(
            "BR-KSA-84", .error,
            en: "Wherever the VAT category is S (standard rated), the VAT rate (BT-96, BT-103, BT-119, BT-152, KSA-34) must be 15 or 5.",
            ar: "أينما كانت فئة الضريبة S (خاضع للنسبة الأساسية)، يجب أن تكون نسبة الضريبة (BT-96، BT-103، BT-119، BT-152، KSA-34) 15 أو 5.",
            fixEN: "Set the rate to 15 (or 5 where that rate applies).",
            fixAR: "اضبط النسبة على 15 (أو 5 حيث تنطبق هذه النسبة)."
        ),
        RuleDefinition(
            "BR-KSA-85", .warning,
            en: "The buyer phone number (BT-57), if given, must start with 0 or + followed by 4 to 15 digits.",
            ar: "يجب أن يبدأ رقم هاتف المشتري (BT-57)، إن ذُكر، بالرقم 0 أو بعلامة + يليها من 4 إلى 15 رقماً.",
            fixEN: "Correct the buyer phone number, e.g. +966501234567.",
            fixAR: "صحّح رقم هاتف المشتري، مثل +966501234567."
        ),
        RuleDefinition(
            "BR-KSA-87", .warning,
            en: "If a tax exchange rate (KSA-36) is given, it must include the source currency (KSA-37), the target currency (KSA-38) and the rate (KSA-39).",
            ar: "إذا ذُكر سعر صرف الضريبة (KSA-36)، فيجب أن يتضمن عملة المصدر (KSA-37) والعملة الهدف (KSA-38) والسعر (KSA-39).",
            fixEN: "Complete the exchange rate with source currency, target currency and rate.",
            fixAR: "أكمل بيانات سعر الصرف بعملة المصدر والعملة الهدف والسعر."
        ),
        RuleDefinition(
            "BR-KSA-88", .error,
            en: "The exchange rate's source currency (KSA-37) must be the invoice currency (BT-5).",
            ar: "يجب أن تكون عملة المصدر في سعر الصرف (KSA-37) هي عملة الفاتورة (BT-5).",
            fixEN: "Set the source currency (KSA-37) to the invoice currency.",
            fixAR: "اضبط عملة المصدر (KSA-37) على عملة الفاتورة."
        ),
        RuleDefinition(
            "BR-KSA-89", .error,
            en: "The exchange rate's target currency (KSA-38) must be the tax currency (BT-6).",
            ar: "يجب أن تكون العملة الهدف في سعر الصرف (KSA-38) هي عملة الضريبة (BT-6).",
            fixEN: "Set the target currency (KSA-38) to SAR.",
            fixAR: "اضبط العملة الهدف (KSA-38) على SAR."
        ),
        RuleDefinition(
            "BR-KSA-90", .error,
            en: "The tax exchange rate (KSA-39) may have at most 14 digits.",
            ar: "يجب ألا يزيد عدد أرقام سعر صرف الضريبة (KSA-39) على 14 رقماً.",
            fixEN: "Shorten the exchange rate to at most 14 digits.",
            fixAR: "اختصر سعر الصرف إلى 14 رقماً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-92", .error,
            en: "A B2G invoice (government buyer flag set in KSA-2) must state the contract ID (BT-12).",
            ar: "يجب أن تتضمن فاتورة التعامل مع الجهات الحكومية (B2G، عند تفعيل مؤشر الجهة الحكومية في KSA-2) رقم العقد (BT-12).",
            fixEN: "Enter the contract ID (BT-12).",
            fixAR: "أدخل رقم العقد (BT-12)."
        ),
        RuleDefinition(
            "BR-KSA-93", .warning,
            en: "A prepayment line whose VAT category (KSA-33) is Z (zero rated) should carry a reason code (KSA-41).",
            ar: "ينبغي أن يتضمن بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي Z (خاضع للنسبة الصفرية) رمز السبب (KSA-41).",
            fixEN: "Add the prepayment reason code (KSA-41), e.g. VATEX-SA-32.",
            fixAR: "أضف رمز سبب الدفعة المقدمة (KSA-41)، مثل VATEX-SA-32."
        ),
        RuleDefinition(
            "BR-KSA-94", .warning,
            en: "A prepayment line whose VAT category (KSA-33) is E (exempt from VAT) should carry a reason code (KSA-41).",
            ar: "ينبغي أن يتضمن بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي E (معفى من الضريبة) رمز السبب (KSA-41).",
            fixEN: "Add the prepayment reason code (KSA-41), e.g. VATEX-SA-29.",
            fixAR: "أضف رمز سبب الدفعة المقدمة (KSA-41)، مثل VATEX-SA-29."
        ),
        RuleDefinition(
            "BR-KSA-95", .warning,
            en: "A prepayment line whose VAT category (KSA-33) is O (not subject to VAT) should carry a reason code (KSA-41).",
            ar: "ينبغي أن يتضمن بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي O (غير خاضع للضريبة) رمز السبب (KSA-41).",
            fixEN: "Add the prepayment reason code (KSA-41), e.g. VATEX-SA-OOS.",
            fixAR: "أضف رمز سبب الدفعة المقدمة (KSA-41)، مثل VATEX-SA-OOS."
        ),
        RuleDefinition(
            "BR-KSA-96", .warning,
            en: "A prepayment line whose VAT category (KSA-33) is Z, E or O must carry a reason text (KSA-42) taken from ZATCA's list of reasons.",
            ar: "يجب أن يتضمن بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي Z أو E أو O نص السبب (KSA-42) من قائمة الأسباب المعتمدة لدى الهيئة.",
            fixEN: "Add the reason text that matches the prepayment reason code.",
            fixAR: "أضف نص السبب المطابق لرمز سبب الدفعة المقدمة."
        ),
        RuleDefinition(
            "BR-KSA-97", .warning,
            en: "When the invoice currency (BT-5) is not SAR, the total VAT in SAR (BT-111) should be converted and therefore differ from the total VAT in the invoice currency (BT-110).",
            ar: "عندما تكون عملة الفاتورة (BT-5) غير الريال السعودي، ينبغي تحويل إجمالي الضريبة بالريال (BT-111) فيختلف عن إجمالي الضريبة بعملة الفاتورة (BT-110).",
            fixEN: "Convert the total VAT to SAR with the exchange rate.",
            fixAR: "حوّل إجمالي الضريبة إلى الريال السعودي باستخدام سعر الصرف."
        ),
        RuleDefinition(
            "BR-KSA-98", .warning,
            en: "A simplified tax invoice (and its credit and debit notes) should be reported to ZATCA within 24 hours of being issued.",
            ar: "ينبغي الإبلاغ عن الفاتورة الضريبية المبسطة (والإشعارات الدائنة والمدينة المرتبطة بها) إلى الهيئة خلال 24 ساعة من إصدارها.",
            fixEN: "Report this document now, and report simplified documents within 24 hours in future.",
            fixAR: "أبلغ عن هذا المستند الآن، واحرص مستقبلاً على الإبلاغ عن المستندات المبسطة خلال 24 ساعة."
        ),
        RuleDefinition(
            "BR-KSA-99", .warning,
            en: "On a tax invoice (and its credit and debit notes), the buyer VAT number field (BT-48), if present, must not be empty.",
            ar: "في الفاتورة الضريبية (والإشعارات الدائنة والمدينة المرتبطة بها)، إذا وُجد حقل الرقم الضريبي للمشتري (BT-48)، فيجب ألا يكون فارغاً.",
            fixEN: "Enter the buyer VAT number (BT-48) or remove the empty field.",
            fixAR: "أدخل الرقم الضريبي للمشتري (BT-48) أو احذف الحقل الفارغ."
        ),
        RuleDefinition(
            "BR-KSA-CL-01", .error,
            en: "The invoice currency code (BT-5) must be a valid ISO 4217 currency code.",
            ar: "يجب أن يكون رمز عملة الفاتورة (BT-5) رمز عملة صالحاً وفق معيار ISO 4217.",
            fixEN: "Set the invoice currency to a valid code such as SAR.",
            fixAR: "اضبط عملة الفاتورة على رمز صالح مثل SAR."
        ),
        RuleDefinition(
            "BR-KSA-CL-02", .error,
            en: "Every amount must be in the invoice currency (BT-5); only the total VAT in the accounting currency (BT-111) may use another currency.",
            ar: "يجب أن تكون جميع المبالغ بعملة الفاتورة (BT-5)، باستثناء إجمالي الضريبة بعملة المحاسبة الضريبية (BT-111).",
            fixEN: "Set the currency of every amount to the invoice currency.",
            fixAR: "اضبط عملة كل مبلغ على عملة الفاتورة."
        ),
        RuleDefinition(
            "BR-KSA-CL-03", .error,
            en: "An attached document must have a MIME type ZATCA accepts, such as text/plain, text/csv, application/pdf, image/png or image/jpeg.",
            ar: "يجب أن يكون نوع MIME للمستند المرفق من الأنواع التي تقبلها الهيئة، مثل text/plain أو text/csv أو application/pdf أو image/png أو image/jpeg.",
            fixEN: "Attach the document in an accepted format, e.g. PDF.",
            fixAR: "أرفق المستند بصيغة مقبولة، مثل PDF."
        ),
        RuleDefinition(
            "BR-KSA-CL-04", .warning,
            en: "A VAT breakdown entry for category Z or E must carry a reason code (BT-121) from ZATCA's list (VATEX-SA-...) that fits the category.",
            ar: "يجب أن يتضمن سطر الفئة Z أو E في تفصيل ضريبة القيمة المضافة رمز سبب (BT-121) من قائمة الهيئة (VATEX-SA-...) يتوافق مع الفئة.",
            fixEN: "Choose a VATEX-SA reason code that matches the VAT category.",
            fixAR: "اختر رمز سبب من رموز VATEX-SA يتوافق مع فئة الضريبة."
        ),
        RuleDefinition(
            "BR-KSA-CL-06", .warning,
            en: "The reason code of a document-level charge (BT-105) or line charge (BT-145) must come from the UNTDID 7161 code list.",
            ar: "يجب أن يكون رمز سبب الرسم الإضافي على مستوى المستند (BT-105) أو على مستوى البند (BT-145) من قائمة الرموز UNTDID 7161.",
            fixEN: "Use a valid UNTDID 7161 charge reason code, e.g. FC for freight.",
            fixAR: "استخدم رمز سبب صالحاً من قائمة UNTDID 7161، مثل FC لأجور الشحن."
        ),
        RuleDefinition(
            "BR-KSA-CL-07", .warning,
            en: "A prepayment line whose VAT category (KSA-33) is Z, E or O must carry a reason code (KSA-41) from ZATCA's list that fits the category.",
            ar: "يجب أن يتضمن بند الدفعة المقدمة الذي تكون فئته الضريبية (KSA-33) هي Z أو E أو O رمز سبب (KSA-41) من قائمة الهيئة يتوافق مع الفئة.",
            fixEN: "Choose a VATEX-SA reason code that matches the prepayment VAT category.",
            fixAR: "اختر رمز سبب من رموز VATEX-SA يتوافق مع فئة ضريبة الدفعة المقدمة."
        ),
        RuleDefinition(
            "BR-KSA-DEC-01", .error,
            en: "An allowance percentage (BT-94, BT-138) must be a plain number from 0 to 100 with at most 2 decimals, without a % sign.",
            ar: "يجب أن تكون نسبة الخصم (BT-94، BT-138) رقماً من 0 إلى 100 بمنزلتين عشريتين كحد أقصى، ومن دون علامة %.",
            fixEN: "Enter the percentage as a number between 0 and 100, e.g. 12.5.",
            fixAR: "أدخل النسبة رقماً بين 0 و100، مثل 12.5."
        ),
        RuleDefinition(
            "BR-KSA-DEC-02", .error,
            en: "Every VAT rate (BT-96, BT-103, BT-119, BT-152, KSA-34) must be a plain number from 0 to 100 with at most 2 decimals, without a % sign.",
            ar: "يجب أن تكون كل نسبة ضريبة (BT-96، BT-103، BT-119، BT-152، KSA-34) رقماً من 0 إلى 100 بمنزلتين عشريتين كحد أقصى، ومن دون علامة %.",
            fixEN: "Enter the VAT rate as a number, e.g. 15.",
            fixAR: "أدخل نسبة الضريبة رقماً، مثل 15."
        ),
        RuleDefinition(
            "BR-KSA-DEC-03", .warning,
            en: "The line VAT amount (KSA-11) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ ضريبة البند (KSA-11) على منزلتين.",
            fixEN: "Round the line VAT amount (KSA-11) to 2 decimal places.",
            fixAR: "قرّب مبلغ ضريبة البند (KSA-11) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-KSA-DEC-04", .warning,
            en: "The line amount including VAT (KSA-12) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في مبلغ البند شاملاً الضريبة (KSA-12) على منزلتين.",
            fixEN: "Round the line amount including VAT (KSA-12) to 2 decimal places.",
            fixAR: "قرّب مبلغ البند شاملاً الضريبة (KSA-12) إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-KSA-DEC-06", .warning,
            en: "The prepaid taxable amount (KSA-31) and prepaid VAT amount (KSA-32) may have at most 2 decimal places.",
            ar: "يجب ألا تزيد المنازل العشرية في المبلغ الخاضع للضريبة للدفعة المقدمة (KSA-31) ومبلغ ضريبتها (KSA-32) على منزلتين.",
            fixEN: "Round KSA-31 and KSA-32 to 2 decimal places.",
            fixAR: "قرّب KSA-31 وKSA-32 إلى منزلتين عشريتين."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-01", .error,
            en: "The business process field (BT-23) must hold the value reporting:1.0.",
            ar: "يجب أن تكون قيمة العملية التجارية (BT-23) هي reporting:1.0.",
            fixEN: "Set the business process (BT-23) to reporting:1.0.",
            fixAR: "اضبط العملية التجارية (BT-23) على reporting:1.0."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-02", .error,
            en: "The VAT accounting currency (BT-6) has to be SAR (Saudi riyal).",
            ar: "يجب أن يكون رمز عملة المحاسبة الضريبية (BT-6) هو SAR.",
            fixEN: "Set the tax currency code (BT-6) to SAR.",
            fixAR: "اضبط رمز عملة الضريبة (BT-6) على SAR."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-03", .warning,
            en: "When an allowance or charge gives both a base amount and a percentage, its amount (BT-92, BT-99, BT-136, BT-141) must equal base amount times percentage divided by 100.",
            ar: "عندما يُذكر للخصم أو الرسم الإضافي مبلغ أساسي ونسبة، يجب أن يساوي مبلغه (BT-92، BT-99، BT-136، BT-141) المبلغ الأساسي مضروباً في النسبة مقسوماً على 100.",
            fixEN: "Recalculate the allowance or charge amount from its base and percentage.",
            fixAR: "أعد احتساب مبلغ الخصم أو الرسم الإضافي من المبلغ الأساسي والنسبة."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-04", .warning,
            en: "When an allowance or charge gives a percentage (BT-94, BT-101, BT-138, BT-143), it must also give the base amount it applies to (BT-93, BT-100, BT-137, BT-142).",
            ar: "عندما تُذكر نسبة للخصم أو الرسم الإضافي (BT-94، BT-101، BT-138، BT-143)، يجب ذكر المبلغ الأساسي الذي تُطبق عليه (BT-93، BT-100، BT-137، BT-142).",
            fixEN: "Add the base amount, or remove the percentage.",
            fixAR: "أضف المبلغ الأساسي أو احذف النسبة."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-05", .warning,
            en: "When an allowance or charge gives a base amount (BT-93, BT-100, BT-137, BT-142), it must also give the percentage (BT-94, BT-101, BT-138, BT-143).",
            ar: "عندما يُذكر مبلغ أساسي للخصم أو الرسم الإضافي (BT-93، BT-100، BT-137، BT-142)، يجب ذكر النسبة أيضاً (BT-94، BT-101، BT-138، BT-143).",
            fixEN: "Add the percentage, or remove the base amount.",
            fixAR: "أضف النسبة أو احذف المبلغ الأساسي."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-06", .error,
            en: "Charges are not allowed at price level (BG-29); only a price discount may be given there.",
            ar: "لا يُسمح بالرسوم الإضافية على مستوى السعر (BG-29)، ويُسمح فيه بالخصم على السعر فقط.",
            fixEN: "Move the charge to a line-level charge, or include it in the price.",
            fixAR: "انقل الرسم إلى رسم إضافي على مستوى البند أو أدرجه في السعر."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-07", .error,
            en: "When a gross price (BT-148) is given, the item net price (BT-146) must equal the gross price minus the price discount (BT-147).",
            ar: "عند ذكر السعر الإجمالي (BT-148)، يجب أن يساوي صافي سعر الصنف (BT-146) السعر الإجمالي مطروحاً منه الخصم على السعر (BT-147).",
            fixEN: "Recalculate the net price as gross price minus price discount.",
            fixAR: "أعد احتساب صافي السعر بطرح الخصم من السعر الإجمالي."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-08", .warning,
            en: "The invoice must contain exactly one tax total (BG-22) that carries the VAT breakdown.",
            ar: "يجب أن تتضمن الفاتورة إجمالي ضريبة واحداً فقط (BG-22) يحتوي على تفصيل ضريبة القيمة المضافة.",
            fixEN: "Keep a single tax total with the VAT breakdown.",
            fixAR: "أبقِ على إجمالي ضريبة واحد يحتوي على تفصيل الضريبة."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-09", .warning,
            en: "When a tax currency code is given, the invoice must contain exactly one tax total (BG-22) without a VAT breakdown, holding the total VAT in that currency.",
            ar: "عند ذكر رمز عملة الضريبة، يجب أن تتضمن الفاتورة إجمالي ضريبة واحداً فقط (BG-22) من دون تفصيل، يحمل إجمالي الضريبة بتلك العملة.",
            fixEN: "Keep a single tax total without breakdown for the tax currency.",
            fixAR: "أبقِ على إجمالي ضريبة واحد من دون تفصيل لعملة الضريبة."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-11", .warning,
            en: "Each line net amount (BT-131) must equal quantity (BT-129) times net price (BT-146) divided by the price base quantity (BT-149), plus line charges, minus line allowances.",
            ar: "يجب أن يساوي صافي مبلغ البند (BT-131) الكمية (BT-129) مضروبة في صافي السعر (BT-146) مقسوماً على الكمية الأساسية للسعر (BT-149)، مضافاً إليه رسوم البند ومطروحاً منه خصوماته.",
            fixEN: "Recalculate the line net amount from quantity, price, allowances and charges.",
            fixAR: "أعد احتساب صافي مبلغ البند من الكمية والسعر والخصومات والرسوم الإضافية."
        ),
        RuleDefinition(
            "BR-KSA-EN16931-12", .error,
            en: "The price base quantity (BT-149), if given, must be greater than 0.",
            ar: "يجب أن تكون الكمية الأساسية للسعر (BT-149)، إن ذُكرت، أكبر من صفر.",
            fixEN: "Set the base quantity to a positive number, e.g. 1.",
            fixAR: "اضبط الكمية الأساسية على رقم موجب، مثل 1."
        ),
        RuleDefinition(
            "BR-KSA-F-01", .error,
            en: "Every date must be a real calendar date written as YYYY-MM-DD.",
            ar: "يجب أن يكون كل تاريخ تاريخاً صحيحاً مكتوباً بالصيغة YYYY-MM-DD.",
            fixEN: "Write the date as YYYY-MM-DD, e.g. 2024-03-15.",
            fixAR: "اكتب التاريخ بالصيغة YYYY-MM-DD، مثل 2024-03-15."
        ),
        RuleDefinition(
            "BR-KSA-F-02", .error,
            en: "The allowance/charge indicator must be false for an allowance and true for a charge.",
            ar: "يجب أن يكون مؤشر الخصم/الرسم الإضافي false للخصم وtrue للرسم الإضافي.",
            fixEN: "Set the indicator to false (allowance) or true (charge).",
            fixAR: "اضبط المؤشر على false للخصم أو true للرسم الإضافي."
        ),
        RuleDefinition(
            "BR-KSA-F-04", .error,
            en: "Amounts and quantities must not be negative, except where a rule explicitly allows it.",
            ar: "يجب ألا تكون المبالغ والكميات سالبة، إلا حيث تسمح القواعد بذلك صراحة.",
            fixEN: "Use positive amounts; issue a credit note to reduce an invoice.",
            fixAR: "استخدم مبالغ موجبة، وأصدر إشعاراً دائناً لتخفيض قيمة فاتورة."
        ),
        RuleDefinition(
            "BR-KSA-F-05", .warning,
            en: "The prepayment issue time (KSA-29) must be written as hh:mm:ss (local time) or hh:mm:ssZ (UTC).",
            ar: "يجب أن يُكتب وقت إصدار الدفعة المقدمة (KSA-29) بالصيغة hh:mm:ss (بالتوقيت المحلي) أو hh:mm:ssZ (بالتوقيت العالمي المنسق).",
            fixEN: "Write the prepayment issue time as hh:mm:ss, e.g. 09:15:00.",
            fixAR: "اكتب وقت إصدار الدفعة المقدمة بالصيغة hh:mm:ss، مثل 09:15:00."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C1", .warning,
            en: "The invoice number (BT-1) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول رقم الفاتورة (BT-1) على 127 حرفاً.",
            fixEN: "Shorten the invoice number (BT-1) to at most 127 characters.",
            fixAR: "اختصر رقم الفاتورة (BT-1) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C10", .warning,
            en: "The seller name (BT-27) must be 1 to 1000 characters long.",
            ar: "يجب أن يتراوح طول اسم البائع (BT-27) بين 1 و1000 حرف.",
            fixEN: "Make the seller name (BT-27) 1 to 1000 characters long.",
            fixAR: "اجعل طول اسم البائع (BT-27) بين 1 و1000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C11", .warning,
            en: "The buyer additional street line (BT-51) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول السطر الإضافي لعنوان شارع المشتري (BT-51) على 127 حرفاً.",
            fixEN: "Shorten the buyer additional street line (BT-51) to at most 127 characters.",
            fixAR: "اختصر السطر الإضافي لعنوان شارع المشتري (BT-51) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C12", .warning,
            en: "On a tax invoice, the buyer name (BT-44) must be 1 to 1000 characters long.",
            ar: "في الفاتورة الضريبية، يجب أن يتراوح طول اسم المشتري (BT-44) بين 1 و1000 حرف.",
            fixEN: "Make the buyer name (BT-44) 1 to 1000 characters long.",
            fixAR: "اجعل طول اسم المشتري (BT-44) بين 1 و1000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C13", .warning,
            en: "The reason for issuing the credit or debit note (KSA-10) must be 1 to 1000 characters long.",
            ar: "يجب أن يتراوح طول سبب إصدار الإشعار الدائن أو المدين (KSA-10) بين 1 و1000 حرف.",
            fixEN: "Make the reason for issuing the credit or debit note (KSA-10) 1 to 1000 characters long.",
            fixAR: "اجعل طول سبب إصدار الإشعار الدائن أو المدين (KSA-10) بين 1 و1000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C14", .warning,
            en: "The payment terms (KSA-22) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول شروط الدفع (KSA-22) على 1000 حرف.",
            fixEN: "Shorten the payment terms (KSA-22) to at most 1000 characters.",
            fixAR: "اختصر شروط الدفع (KSA-22) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C15", .warning,
            en: "The payment account identifier (BT-84) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول معرّف حساب الدفع (BT-84) على 127 حرفاً.",
            fixEN: "Shorten the payment account identifier (BT-84) to at most 127 characters.",
            fixAR: "اختصر معرّف حساب الدفع (BT-84) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C16", .warning,
            en: "The VAT exemption reason text (BT-120) must be 1 to 1000 characters long.",
            ar: "يجب أن يتراوح طول نص سبب الإعفاء من الضريبة (BT-120) بين 1 و1000 حرف.",
            fixEN: "Make the VAT exemption reason text (BT-120) 1 to 1000 characters long.",
            fixAR: "اجعل طول نص سبب الإعفاء من الضريبة (BT-120) بين 1 و1000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C17", .error,
            en: "The invoice line identifier (BT-126) must be 1 to 6 characters long.",
            ar: "يجب أن يتراوح طول معرّف البند (BT-126) بين 1 و6 أحرف.",
            fixEN: "Make the invoice line identifier (BT-126) 1 to 6 characters long.",
            fixAR: "اجعل طول معرّف البند (BT-126) بين 1 و6 أحرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C18", .warning,
            en: "The unit of measure of the invoiced quantity (BT-130) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول وحدة قياس الكمية المفوترة (BT-130) على 127 حرفاً.",
            fixEN: "Shorten the unit of measure of the invoiced quantity (BT-130) to at most 127 characters.",
            fixAR: "اختصر وحدة قياس الكمية المفوترة (BT-130) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C19", .warning,
            en: "The item name (BT-153) must be 3 to 1000 characters long.",
            ar: "يجب أن يتراوح طول اسم الصنف (BT-153) بين 3 و1000 حرف.",
            fixEN: "Make the item name (BT-153) 3 to 1000 characters long.",
            fixAR: "اجعل طول اسم الصنف (BT-153) بين 3 و1000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C2", .warning,
            en: "The invoice note (BT-22) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول ملاحظة الفاتورة (BT-22) على 1000 حرف.",
            fixEN: "Shorten the invoice note (BT-22) to at most 1000 characters.",
            fixAR: "اختصر ملاحظة الفاتورة (BT-22) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C20", .warning,
            en: "The item standard identifier (BT-157) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول المعرّف القياسي للصنف (BT-157) على 127 حرفاً.",
            fixEN: "Shorten the item standard identifier (BT-157) to at most 127 characters.",
            fixAR: "اختصر المعرّف القياسي للصنف (BT-157) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C21", .warning,
            en: "The unit code of the price base quantity (BT-150) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول رمز وحدة الكمية الأساسية للسعر (BT-150) على 127 حرفاً.",
            fixEN: "Shorten the unit code of the price base quantity (BT-150) to at most 127 characters.",
            fixAR: "اختصر رمز وحدة الكمية الأساسية للسعر (BT-150) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C22", .error,
            en: "The billing reference ID (BT-25) must be 1 to 5000 characters long.",
            ar: "يجب أن يتراوح طول رقم مرجع الفاتورة (BT-25) بين 1 و5000 حرف.",
            fixEN: "Make the billing reference ID (BT-25) 1 to 5000 characters long.",
            fixAR: "اجعل طول رقم مرجع الفاتورة (BT-25) بين 1 و5000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C23", .warning,
            en: "On a tax invoice, the buyer street (BT-50) must be present and 1 to 1000 characters long.",
            ar: "في الفاتورة الضريبية، يجب ذكر اسم شارع المشتري (BT-50) بطول يتراوح بين 1 و1000 حرف.",
            fixEN: "Make the buyer street (BT-50) 1 to 1000 characters long.",
            fixAR: "اجعل طول اسم شارع المشتري (BT-50) بين 1 و1000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C24", .warning,
            en: "The buyer street (BT-50) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول اسم شارع المشتري (BT-50) على 1000 حرف.",
            fixEN: "Shorten the buyer street (BT-50) to at most 1000 characters.",
            fixAR: "اختصر اسم شارع المشتري (BT-50) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C25", .warning,
            en: "On a tax invoice, the buyer city (BT-52) must be present and 1 to 127 characters long.",
            ar: "في الفاتورة الضريبية، يجب ذكر مدينة المشتري (BT-52) بطول يتراوح بين 1 و127 حرفاً.",
            fixEN: "Make the buyer city (BT-52) 1 to 127 characters long.",
            fixAR: "اجعل طول مدينة المشتري (BT-52) بين 1 و127 حرفاً."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C26", .warning,
            en: "The buyer city (BT-52) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول مدينة المشتري (BT-52) على 127 حرفاً.",
            fixEN: "Shorten the buyer city (BT-52) to at most 127 characters.",
            fixAR: "اختصر مدينة المشتري (BT-52) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C27", .warning,
            en: "The buyer province or state (BT-54) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول منطقة المشتري أو ولايته (BT-54) على 127 حرفاً.",
            fixEN: "Shorten the buyer province or state (BT-54) to at most 127 characters.",
            fixAR: "اختصر منطقة المشتري أو ولايته (BT-54) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C28", .warning,
            en: "On a tax invoice to a buyer in Saudi Arabia, the buyer district (KSA-4) must be present and 1 to 127 characters long.",
            ar: "في الفاتورة الضريبية الموجهة إلى مشترٍ في المملكة العربية السعودية، يجب ذكر حي المشتري (KSA-4) بطول يتراوح بين 1 و127 حرفاً.",
            fixEN: "Make the buyer district (KSA-4) 1 to 127 characters long.",
            fixAR: "اجعل طول حي المشتري (KSA-4) بين 1 و127 حرفاً."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C29", .warning,
            en: "The buyer district (KSA-4) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول حي المشتري (KSA-4) على 127 حرفاً.",
            fixEN: "Shorten the buyer district (KSA-4) to at most 127 characters.",
            fixAR: "اختصر حي المشتري (KSA-4) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C3", .warning,
            en: "The purchase order ID (BT-13) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول رقم أمر الشراء (BT-13) على 127 حرفاً.",
            fixEN: "Shorten the purchase order ID (BT-13) to at most 127 characters.",
            fixAR: "اختصر رقم أمر الشراء (BT-13) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C30", .warning,
            en: "The buyer's item identifier (BT-156) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول معرّف الصنف لدى المشتري (BT-156) على 127 حرفاً.",
            fixEN: "Shorten the buyer's item identifier (BT-156) to at most 127 characters.",
            fixAR: "اختصر معرّف الصنف لدى المشتري (BT-156) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C31", .warning,
            en: "The seller's item identifier (BT-155) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول معرّف الصنف لدى البائع (BT-155) على 127 حرفاً.",
            fixEN: "Shorten the seller's item identifier (BT-155) to at most 127 characters.",
            fixAR: "اختصر معرّف الصنف لدى البائع (BT-155) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C32", .warning,
            en: "The buyer name (BT-44) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول اسم المشتري (BT-44) على 1000 حرف.",
            fixEN: "Shorten the buyer name (BT-44) to at most 1000 characters.",
            fixAR: "اختصر اسم المشتري (BT-44) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C33", .warning,
            en: "The reason for the document-level charge (BT-104) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول سبب الرسم الإضافي على مستوى المستند (BT-104) على 1000 حرف.",
            fixEN: "Shorten the reason for the document-level charge (BT-104) to at most 1000 characters.",
            fixAR: "اختصر سبب الرسم الإضافي على مستوى المستند (BT-104) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C34", .warning,
            en: "The reason for the line charge (BT-144) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول سبب الرسم الإضافي على مستوى البند (BT-144) على 1000 حرف.",
            fixEN: "Shorten the reason for the line charge (BT-144) to at most 1000 characters.",
            fixAR: "اختصر سبب الرسم الإضافي على مستوى البند (BT-144) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C35", .warning,
            en: "The reason for the document-level allowance (BT-97) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول سبب الخصم على مستوى المستند (BT-97) على 1000 حرف.",
            fixEN: "Shorten the reason for the document-level allowance (BT-97) to at most 1000 characters.",
            fixAR: "اختصر سبب الخصم على مستوى المستند (BT-97) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C36", .warning,
            en: "The reason for the line allowance (BT-139) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول سبب الخصم على مستوى البند (BT-139) على 1000 حرف.",
            fixEN: "Shorten the reason for the line allowance (BT-139) to at most 1000 characters.",
            fixAR: "اختصر سبب الخصم على مستوى البند (BT-139) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C37", .warning,
            en: "The buyer contact name (BT-56) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول اسم جهة الاتصال لدى المشتري (BT-56) على 1000 حرف.",
            fixEN: "Shorten the buyer contact name (BT-56) to at most 1000 characters.",
            fixAR: "اختصر اسم جهة الاتصال لدى المشتري (BT-56) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C38", .warning,
            en: "The buyer contact note (KSA-35) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول ملاحظة جهة الاتصال لدى المشتري (KSA-35) على 1000 حرف.",
            fixEN: "Shorten the buyer contact note (KSA-35) to at most 1000 characters.",
            fixAR: "اختصر ملاحظة جهة الاتصال لدى المشتري (KSA-35) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C39", .warning,
            en: "The prepayment VAT exemption reason text (KSA-42) may be at most 1000 characters long.",
            ar: "يجب ألا يزيد طول نص سبب الإعفاء من الضريبة للدفعة المقدمة (KSA-42) على 1000 حرف.",
            fixEN: "Shorten the prepayment VAT exemption reason text (KSA-42) to at most 1000 characters.",
            fixAR: "اختصر نص سبب الإعفاء من الضريبة للدفعة المقدمة (KSA-42) إلى 1000 حرف كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C4", .warning,
            en: "The seller street (BT-35) must be 1 to 1000 characters long.",
            ar: "يجب أن يتراوح طول اسم شارع البائع (BT-35) بين 1 و1000 حرف.",
            fixEN: "Make the seller street (BT-35) 1 to 1000 characters long.",
            fixAR: "اجعل طول اسم شارع البائع (BT-35) بين 1 و1000 حرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C40", .warning,
            en: "The invoice transaction code (KSA-2) must be 7 to 9 characters long.",
            ar: "يجب أن يتراوح طول رمز نوع المعاملة (KSA-2) بين 7 و9 أحرف.",
            fixEN: "Make the invoice transaction code (KSA-2) 7 to 9 characters long.",
            fixAR: "اجعل طول رمز نوع المعاملة (KSA-2) بين 7 و9 أحرف."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C5", .warning,
            en: "The contract ID (BT-12) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول رقم العقد (BT-12) على 127 حرفاً.",
            fixEN: "Shorten the contract ID (BT-12) to at most 127 characters.",
            fixAR: "اختصر رقم العقد (BT-12) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C6", .warning,
            en: "The seller additional street line (BT-36) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول السطر الإضافي لعنوان شارع البائع (BT-36) على 127 حرفاً.",
            fixEN: "Shorten the seller additional street line (BT-36) to at most 127 characters.",
            fixAR: "اختصر السطر الإضافي لعنوان شارع البائع (BT-36) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C7", .warning,
            en: "The seller city (BT-37) must be 1 to 127 characters long.",
            ar: "يجب أن يتراوح طول مدينة البائع (BT-37) بين 1 و127 حرفاً.",
            fixEN: "Make the seller city (BT-37) 1 to 127 characters long.",
            fixAR: "اجعل طول مدينة البائع (BT-37) بين 1 و127 حرفاً."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C8", .warning,
            en: "The seller province or state (BT-39) may be at most 127 characters long.",
            ar: "يجب ألا يزيد طول منطقة البائع أو ولايته (BT-39) على 127 حرفاً.",
            fixEN: "Shorten the seller province or state (BT-39) to at most 127 characters.",
            fixAR: "اختصر منطقة البائع أو ولايته (BT-39) إلى 127 حرفاً كحد أقصى."
        ),
        RuleDefinition(
            "BR-KSA-F-06-C9", .warning,
            en: "The seller district (KSA-3) must be 1 to 127 characters long.",
            ar: "يجب أن يتراوح طول حي البائع (KSA-3) بين 1 و127 حرفاً.",
            fixEN: "Make the seller district (KSA-3) 1 to 127 characters long.",
            fixAR: "اجعل طول حي البائع (KSA-3) بين 1 و127 حرفاً."
        ),
        RuleDefinition(
            "BR-KSA-F-07", .warning,
            en: "A buyer ID (BT-46) with scheme TIN (tax identification number) should be 10 digits starting with 3.",
            ar: "ينبغي أن يكون معرّف المشتري (BT-46) بنوع المعرّف TIN (الرقم المميز) مكوّناً من 10 أرقام يبدأ بالرقم 3.",
            fixEN: "Check the TIN value against the official document and correct it.",
            fixAR: "تحقق من قيمة TIN مقابل المستند الرسمي وصحّحها."
        ),
        RuleDefinition(
            "BR-KSA-F-08", .warning,
            en: "A seller ID (BT-29) or buyer ID (BT-46) with scheme CRN (commercial registration number) should be exactly 10 digits.",
            ar: "ينبغي أن يكون معرّف البائع (BT-29) أو المشتري (BT-46) بنوع المعرّف CRN (رقم السجل التجاري) مكوّناً من 10 أرقام بالضبط.",
            fixEN: "Check the CRN value against the official document and correct it.",
            fixAR: "تحقق من قيمة CRN مقابل المستند الرسمي وصحّحها."
        ),
        RuleDefinition(
            "BR-KSA-F-09", .warning,
            en: "A seller ID (BT-29) or buyer ID (BT-46) with scheme 700 (700 number) should be 10 digits starting with 7.",
            ar: "ينبغي أن يكون معرّف البائع (BT-29) أو المشتري (BT-46) بنوع المعرّف 700 (الرقم الموحد 700) مكوّناً من 10 أرقام يبدأ بالرقم 7.",
            fixEN: "Check the 700 value against the official document and correct it.",
            fixAR: "تحقق من قيمة 700 مقابل المستند الرسمي وصحّحها."
        ),
        RuleDefinition(
            "BR-KSA-F-10", .warning,
            en: "A buyer ID (BT-46) with scheme NAT (national ID) should be 10 digits starting with 1.",
            ar: "ينبغي أن يكون معرّف المشتري (BT-46) بنوع المعرّف NAT (رقم الهوية الوطنية) مكوّناً من 10 أرقام يبدأ بالرقم 1.",
            fixEN: "Check the NAT value against the official document and correct it.",
            fixAR: "تحقق من قيمة NAT مقابل المستند الرسمي وصحّحها."
        ),
        RuleDefinition(
            "BR-KSA-F-11", .warning,
            en: "A buyer ID (BT-46) with scheme IQA (iqama number) should be 10 digits starting with 2.",
            ar: "ينبغي أن يكون معرّف المشتري (BT-46) بنوع المعرّف IQA (رقم الإقامة) مكوّناً من 10 أرقام يبدأ بالرقم 2.",
            fixEN: "Check the IQA value against the official document and correct it.",
            fixAR: "تحقق من قيمة IQA مقابل المستند الرسمي وصحّحها."
        ),
        RuleDefinition(
            "BR-KSA-F-12", .warning,
            en: "The scheme of the seller or buyer ID (BT-29-1, BT-46-1) must not contain spaces.",
            ar: "يجب ألا يحتوي نوع معرّف البائع أو المشتري (BT-29-1، BT-46-1) على مسافات.",
            fixEN: "Remove the spaces from the ID scheme, e.g. CRN instead of ' CRN '.",
            fixAR: "احذف المسافات من نوع المعرّف، مثل CRN بدلاً من ' CRN '."
        ),
        RuleDefinition(
            "BR-KSA-F-13", .warning,
            en: "The seller or buyer ID (BT-29, BT-46) looks invalid, for example a placeholder or a run of repeated digits.",
            ar: "يبدو أن معرّف البائع أو المشتري (BT-29، BT-46) غير صحيح، كأن يكون قيمة افتراضية أو سلسلة من أرقام مكررة.",
            fixEN: "Enter the real ID from the official document.",
            fixAR: "أدخل المعرّف الفعلي من المستند الرسمي."
        ),
        RuleDefinition(
            "BR-KSA-F-C-01", .warning,
            en: "The item name (BT-153) should clearly describe the goods or services; a bare number or code is not a description under Article 53 of the VAT Implementing Regulations.",
            ar: "ينبغي أن يصف اسم الصنف (BT-153) السلع أو الخدمات وصفاً واضحاً، فالرقم أو الرمز المجرد لا يُعد وصفاً وفق المادة 53 من اللائحة التنفيذية لنظام ضريبة القيمة المضافة.",
            fixEN: "Replace the item name with a clear description of what was sold.",
            fixAR: "استبدل اسم الصنف بوصف واضح لما تم بيعه."
        ),
        RuleDefinition(
            "BR-O-01", .warning,
            en: "If any line, document-level allowance or charge has VAT category O (not subject to VAT), the VAT breakdown (BG-23) must contain an entry for category O.",
            ar: "إذا استُخدمت فئة الضريبة O (غير خاضع للضريبة) في أي بند أو خصم أو رسم إضافي على مستوى المستند، فيجب أن يتضمن تفصيل ضريبة القيمة المضافة (BG-23) سطراً للفئة O.",
            fixEN: "Add a VAT breakdown entry for category O.",
            fixAR: "أضف سطراً للفئة O في تفصيل ضريبة القيمة المضافة."
        ),
        RuleDefinition(
            "BR-O-08", .warning,
            en: "The taxable amount (BT-116) of the category O entry in the VAT breakdown must equal the net amounts of the O lines, minus the O document-level allowances, plus the O document-level charges.",
            ar: "يجب أن يساوي المبلغ الخاضع للضريبة (BT-116) لسطر الفئة O في تفصيل الضريبة مجموع صافي مبالغ بنود الفئة O مطروحاً منه خصوماتها ومضافاً إليه رسومها الإضافية على مستوى المستند.",
            fixEN: "Recalculate the category O taxable amount from its lines, allowances and charges.",
            fixAR: "أعد احتساب المبلغ الخاضع للضريبة للفئة O من بنودها وخصوماتها ورسومها الإضافية."
        ),
        RuleDefinition(
            "BR-O-09", .error,
            en: "The VAT amount (BT-117) of the category O entry in the VAT breakdown must be 0.",
            ar: "يجب أن يكون مبلغ الضريبة (BT-117) لسطر الفئة O في تفصيل ضريبة القيمة المضافة صفراً.",
            fixEN: "Set the VAT amount of the category O breakdown entry to 0.",
            fixAR: "اجعل مبلغ الضريبة لسطر الفئة O في تفصيل الضريبة صفراً."
        ),
        RuleDefinition(
            "BR-S-01", .warning,
            en: "If any line, document-level allowance or charge has VAT category S (standard rated), the VAT breakdown (BG-23) must contain an entry for category S.",
            ar: "إذا استُخدمت فئة الضريبة S (خاضع للنسبة الأساسية) في أي بند أو خصم أو رسم إضافي على مستوى المستند، فيجب أن يتضمن تفصيل ضريبة القيمة المضافة (BG-23) سطراً للفئة S.",
            fixEN: "Add a VAT breakdown entry for category S.",
            fixAR: "أضف سطراً للفئة S في تفصيل ضريبة القيمة المضافة."
        ),
        RuleDefinition(
            "BR-S-05", .warning,
            en: "On an invoice line whose VAT category is S (standard rated), the VAT rate (BT-152) must be greater than 0.",
            ar: "في البند ذي فئة الضريبة S (خاضع للنسبة الأساسية)، يجب أن تكون نسبة الضريبة (BT-152) أكبر من صفر.",
            fixEN: "Set the VAT rate (BT-152) to 15 (or 5 where that rate applies).",
            fixAR: "اضبط نسبة الضريبة (BT-152) على 15 (أو 5 حيث تنطبق هذه النسبة)."
        ),
        RuleDefinition(
            "BR-S-06", .error,
            en: "On a document-level allowance whose VAT category is S (standard rated), the VAT rate (BT-96) must be greater than 0.",
            ar: "في الخصم على مستوى المستند ذي فئة الضريبة S (خاضع للنسبة الأساسية)، يجب أن تكون نسبة الضريبة (BT-96) أكبر من صفر.",
            fixEN: "Set the VAT rate (BT-96) to 15 (or 5 where that rate applies).",
            fixAR: "اضبط نسبة الضريبة (BT-96) على 15 (أو 5 حيث تنطبق هذه النسبة)."
        ),
        RuleDefinition(
            "BR-S-07", .warning,
            en: "On a document-level charge whose VAT category is S (standard rated), the VAT rate (BT-103) must be greater than 0.",
            ar: "في الرسم الإضافي على مستوى المستند ذي فئة الضريبة S (خاضع للنسبة الأساسية)، يجب أن تكون نسبة الضريبة (BT-103) أكبر من صفر.",
            fixEN: "Set the VAT rate (BT-103) to 15 (or 5 where that rate applies).",
            fixAR: "اضبط نسبة الضريبة (BT-103) على 15 (أو 5 حيث تنطبق هذه النسبة)."
        ),
        RuleDefinition(
            "BR-S-08", .warning,
            en: "The taxable amount (BT-116) of the category S entry in the VAT breakdown must equal the net amounts of the S lines, minus the S document-level allowances, plus the S document-level charges.",
            ar: "يجب أن يساوي المبلغ الخاضع للضريبة (BT-116) لسطر الفئة S في تفصيل الضريبة مجموع صافي مبالغ بنود الفئة S مطروحاً منه خصوماتها ومضافاً إليه رسومها الإضافية على مستوى المستند.",
            fixEN: "Recalculate the category S taxable amount from its lines, allowances and charges.",
            fixAR: "أعد احتساب المبلغ الخاضع للضريبة للفئة S من بنودها وخصوماتها ورسومها الإضافية."
        ),
        RuleDefinition(
            "BR-S-09", .warning,
            en: "The VAT amount (BT-117) of the category S entry in the VAT breakdown must equal its taxable amount (BT-116) times its rate (BT-119) divided by 100, rounded to 2 decimals.",
            ar: "يجب أن يساوي مبلغ الضريبة (BT-117) لسطر الفئة S في تفصيل الضريبة المبلغ الخاضع للضريبة (BT-116) مضروباً في النسبة (BT-119) مقسوماً على 100، مقرّباً إلى منزلتين عشريتين.",
            fixEN: "Recalculate the category S VAT amount from its taxable amount and rate.",
            fixAR: "أعد احتساب مبلغ ضريبة الفئة S من المبلغ الخاضع للضريبة ونسبتها."
        ),
        RuleDefinition(
            "BR-S-10", .warning,
            en: "A category S entry in the VAT breakdown must not carry a VAT exemption reason code (BT-121) or text (BT-120).",
            ar: "يجب ألا يتضمن سطر الفئة S في تفصيل ضريبة القيمة المضافة رمز سبب الإعفاء (BT-121) أو نصه (BT-120).",
            fixEN: "Remove the exemption reason from the category S breakdown entry.",
            fixAR: "احذف سبب الإعفاء من سطر الفئة S في تفصيل الضريبة."
        ),
        RuleDefinition(
            "BR-Z-01", .warning,
            en: "If any line, document-level allowance or charge has VAT category Z (zero rated), the VAT breakdown (BG-23) must contain an entry for category Z.",
            ar: "إذا استُخدمت فئة الضريبة Z (خاضع للنسبة الصفرية) في أي بند أو خصم أو رسم إضافي على مستوى المستند، فيجب أن يتضمن تفصيل ضريبة القيمة المضافة (BG-23) سطراً للفئة Z.",
            fixEN: "Add a VAT breakdown entry for category Z.",
            fixAR: "أضف سطراً للفئة Z في تفصيل ضريبة القيمة المضافة."
        ),
        RuleDefinition(
            "BR-Z-05", .error,
            en: "On an invoice line whose VAT category is Z (zero rated), the VAT rate (BT-152) must be 0.",
            ar: "في البند ذي فئة الضريبة Z (خاضع للنسبة الصفرية)، يجب أن تكون نسبة الضريبة (BT-152) صفراً.",
            fixEN: "Set the VAT rate (BT-152) to 0 for category Z.",
            fixAR: "اجعل نسبة الضريبة (BT-152) صفراً للفئة Z."
        ),
        RuleDefinition(
            "BR-Z-06", .error,
            en: "On a document-level allowance whose VAT category is Z (zero rated), the VAT rate (BT-96) must be 0.",
            ar: "في الخصم على مستوى المستند ذي فئة الضريبة Z (خاضع للنسبة الصفرية)، يجب أن تكون نسبة الضريبة (BT-96) صفراً.",
            fixEN: "Set the VAT rate (BT-96) to 0 for category Z.",
            fixAR: "اجعل نسبة الضريبة (BT-96) صفراً للفئة Z."
        ),
        RuleDefinition(
            "BR-Z-07", .error,
            en: "On a document-level charge whose VAT category is Z (zero rated), the VAT rate (BT-103) must be 0.",
            ar: "في الرسم الإضافي على مستوى المستند ذي فئة الضريبة Z (خاضع للنسبة الصفرية)، يجب أن تكون نسبة الضريبة (BT-103) صفراً.",
            fixEN: "Set the VAT rate (BT-103) to 0 for category Z.",
            fixAR: "اجعل نسبة الضريبة (BT-103) صفراً للفئة Z."
        ),
        RuleDefinition(
            "BR-Z-08", .warning,
            en: "The taxable amount (BT-116) of the category Z entry in the VAT breakdown must equal the net amounts of the Z lines, minus the Z document-level allowances, plus the Z document-level charges.",
            ar: "يجب أن يساوي المبلغ الخاضع للضريبة (BT-116) لسطر الفئة Z في تفصيل الضريبة مجموع صافي مبالغ بنود الفئة Z مطروحاً منه خصوماتها ومضافاً إليه رسومها الإضافية على مستوى المستند.",
            fixEN: "Recalculate the category Z taxable amount from its lines, allowances and charges.",
            fixAR: "أعد احتساب المبلغ الخاضع للضريبة للفئة Z من بنودها وخصوماتها ورسومها الإضافية."
        ),
        RuleDefinition(
            "BR-Z-09", .error,
            en: "The VAT amount (BT-117) of the category Z entry in the VAT breakdown must be 0.",
            ar: "يجب أن يكون مبلغ الضريبة (BT-117) لسطر الفئة Z في تفصيل ضريبة القيمة المضافة صفراً.",
            fixEN: "Set the VAT amount of the category Z breakdown entry to 0.",
            fixAR: "اجعل مبلغ الضريبة لسطر الفئة Z في تفصيل الضريبة صفراً."
        ),
        RuleDefinition(
            "EINV-LIMIT-LINES", .error,
            en: "An invoice may have at most 10,000 lines.",
            ar: "يجب ألا يزيد عدد بنود الفاتورة على 10,000 بند.",
            fixEN: "Split the sale into several invoices of at most 10,000 lines each.",
            fixAR: "قسّم عملية البيع على عدة فواتير لا يزيد كل منها على 10,000 بند."
        ),
        RuleDefinition(
            "EINV-QUANTITY", .error,
            en: "Every line quantity (BT-129) must be greater than zero; to take goods back, issue a credit note instead of a negative quantity.",
            ar: "يجب أن تكون كمية كل بند (BT-129) أكبر من صفر، ولاسترجاع البضائع يُصدر إشعار دائن بدلاً من إدخال كمية سالبة.",
            fixEN: "Enter a positive quantity, or issue a credit note for returned goods.",
            fixAR: "أدخل كمية موجبة، أو أصدر إشعاراً دائناً للبضائع المرتجعة."
        ),
        RuleDefinition(
            "EINV-EXCHANGE-RATE", .error,
            en: "An invoice in a currency other than SAR needs an exchange rate (SAR per unit of the invoice currency) so that the VAT can also be stated in SAR.",
            ar: "تحتاج الفاتورة الصادرة بعملة غير الريال السعودي إلى سعر صرف (عدد الريالات لكل وحدة من عملة الفاتورة) ليتسنى بيان ضريبة القيمة المضافة بالريال السعودي أيضاً.",
            fixEN: "Enter the exchange rate to SAR for the invoice currency.",
            fixAR: "أدخل سعر صرف عملة الفاتورة مقابل الريال السعودي."
        ),
        RuleDefinition(
            "EINV-ALLOWANCE-AMOUNT", .error,
            en: "A document-level allowance or charge needs either an amount, or a percentage together with the base amount it applies to.",
            ar: "يحتاج الخصم أو الرسم الإضافي على مستوى المستند إلى مبلغ، أو إلى نسبة مع المبلغ الأساسي الذي تُطبق عليه.",
            fixEN: "Enter the amount, or the percentage and the base amount.",
            fixAR: "أدخل المبلغ، أو النسبة والمبلغ الأساسي."
        ),
        RuleDefinition(
            "EINV-STANDARD-BUYER", .error,
            en: "A tax invoice (B2B) or its credit or debit note must identify the buyer by name and by VAT number or another identifier.",
            ar: "يجب أن تحدد الفاتورة الضريبية (بين المنشآت) أو الإشعار الدائن أو المدين المرتبط بها المشتري باسمه وبرقمه الضريبي أو بمعرّف آخر.",
            fixEN: "Enter the buyer name and its VAT number or another ID.",
            fixAR: "أدخل اسم المشتري ورقمه الضريبي أو معرّفاً آخر له."
        ),
        RuleDefinition(
            "EINV-NOTE-REFERENCE", .error,
            en: "A credit or debit note must name the invoice it adjusts (billing reference).",
            ar: "يجب أن يحدد الإشعار الدائن أو المدين الفاتورة التي يعدّلها (مرجع الفاتورة).",
            fixEN: "Enter the number of the invoice being adjusted.",
            fixAR: "أدخل رقم الفاتورة التي يجري تعديلها."
        ),
        RuleDefinition(
            "EINV-NOTE-REASON", .error,
            en: "A credit or debit note must say why it is issued.",
            ar: "يجب أن يذكر الإشعار الدائن أو المدين سبب إصداره.",
            fixEN: "Enter the reason for the note, e.g. returned goods.",
            fixAR: "أدخل سبب إصدار الإشعار، مثل إرجاع البضائع."
        ),
        RuleDefinition(
            "EINV-RATE-CATEGORY", .error,
            en: "The VAT rate must fit the VAT category: 15 or 5 for S, and 0 for Z, E and O.",
            ar: "يجب أن تتوافق نسبة الضريبة مع فئة الضريبة: 15 أو 5 للفئة S، وصفر للفئات Z وE وO.",
            fixEN: "Correct the VAT rate or the VAT category so that they match.",
            fixAR: "صحّح نسبة الضريبة أو فئتها بحيث تتوافقان."
        ),
        RuleDefinition(
            "XSD-DECIMAL", .error,
            en: "Every amount, quantity and percentage in the XML must be a plain decimal number, such as 1250.50.",
            ar: "يجب أن يكون كل مبلغ وكمية ونسبة في ملف XML رقماً عشرياً مجرداً، مثل 1250.50.",
            fixEN: "Write the value as a decimal number, without currency signs, spaces or thousands separators.",
            fixAR: "اكتب القيمة رقماً عشرياً من دون رموز عملة أو مسافات أو فواصل للآلاف."
        ),
        RuleDefinition(
            "EINV-ORIGINAL-INVOICE", .error,
            en: "The invoice that the credit or debit note refers to must exist in einvoice and be open to adjustment.",
            ar: "يجب أن تكون الفاتورة التي يشير إليها الإشعار الدائن أو المدين موجودة في einvoice وقابلة للتعديل.",
            fixEN: "Correct the reference to an invoice issued in einvoice that can still be adjusted.",
            fixAR: "صحّح المرجع ليشير إلى فاتورة صادرة عبر einvoice ولا تزال قابلة للتعديل."
        ),
    ]
}
