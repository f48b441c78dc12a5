// Codes of ZATCA's Fatoora platform (and HTTP statuses of its API) that support staff meet, with
// the likely cause and the fix, in English and Arabic.

extension KnowledgeBase {
    static let platformEntries: [PlatformEntry] = [
        PlatformEntry(
            "invalid-invoice-hash",
            titleEN: "Invoice hash does not match the XML",
            titleAR: "رمز تجزئة الفاتورة لا يطابق ملف XML",
            causeEN: "The invoiceHash in the API body is not the hash ZATCA computes from the XML it received. Usually the XML was re-serialized, re-indented or edited after hashing (the hash covers whitespace too), or the body carries other bytes than those hashed, such as the unsigned version.",
            causeAR: "قيمة invoiceHash في جسم الطلب لا تطابق رمز التجزئة الذي تحسبه الهيئة من ملف XML المستلم. يحدث ذلك عادة عند إعادة تنسيق ملف XML أو تغيير مسافاته البادئة أو تعديله بعد حساب التجزئة (فالتجزئة تشمل المسافات البيضاء أيضاً)، أو عند إرسال بايتات غير التي حُسبت تجزئتها، مثل النسخة غير الموقعة.",
            fixEN: "Send exactly the stamped bytes einvoice stored, without reformatting them. Export them with einvoice invoice show ID --xml -o FILE and run einvoice verify FILE: the invoice-hash check shows the expected and the found value. If the document was changed after stamping, discard it and issue a new one through einvoice.",
            fixAR: "أرسل البايتات المختومة التي حفظها einvoice كما هي دون إعادة تنسيق. صدّرها بالأمر einvoice invoice show ID --xml -o FILE ثم شغّل einvoice verify FILE، وسيُظهر فحص invoice-hash القيمة المتوقعة والقيمة الموجودة. وإذا عُدّل المستند بعد ختمه فاستبعده وأصدر مستنداً جديداً عبر einvoice."
        ),
        PlatformEntry(
            "signed-properties-hashing",
            titleEN: "Signed properties digest is wrong",
            titleAR: "رمز تجزئة الخصائص الموقعة غير صحيح",
            causeEN: "The digest of xades:SignedProperties does not match that element as it appears in the document. Typically it was computed over a template whose indentation or namespace declarations differ from the written XML, it is base64 of the raw SHA-256 instead of base64 of its hex text, or the signing time or certificate fields changed after the digest was taken.",
            causeAR: "رمز تجزئة xades:SignedProperties لا يطابق هذا العنصر كما يظهر في المستند. يحدث ذلك عادة لأنه حُسب على قالب تختلف مسافاته البادئة أو تعريفات نطاقات الأسماء فيه عن ملف XML المكتوب، أو لأنه ترميز base64 لقيمة SHA-256 الخام بدلاً من ترميز base64 لنصها الست عشري، أو لأن وقت التوقيع أو حقول الشهادة تغيرت بعد حساب التجزئة.",
            fixEN: "Run einvoice verify FILE and read the signed-properties-digest check. Do not pretty-print or edit a stamped document; stamp it again with einvoice so that the digest and the element come from the same bytes.",
            fixAR: "شغّل einvoice verify FILE واطلع على نتيجة فحص signed-properties-digest. لا تُعِد تنسيق مستند مختوم ولا تعدّله، بل اختمه من جديد عبر einvoice ليُحسب رمز التجزئة والعنصر من البايتات نفسها."
        ),
        PlatformEntry(
            "certificate-hashing",
            aliases: ["certificate-digest"],
            titleEN: "Certificate digest is wrong",
            titleAR: "رمز تجزئة الشهادة غير صحيح",
            causeEN: "xades:CertDigest does not match the certificate in ds:X509Certificate. ZATCA expects base64 of the hex text of SHA-256 taken over the certificate's base64 text; hashing the DER bytes or skipping the hex step gives another value, and so does replacing the certificate (for example after a renewal) without recomputing the digest.",
            causeAR: "قيمة xades:CertDigest لا تطابق الشهادة الموجودة في ds:X509Certificate. تتوقع الهيئة ترميز base64 للنص الست عشري لقيمة SHA-256 المحسوبة على نص الشهادة بترميز base64، فحساب التجزئة على بايتات DER أو تجاوز خطوة النص الست عشري يعطي قيمة أخرى، وكذلك استبدال الشهادة (بعد التجديد مثلاً) دون إعادة حساب التجزئة.",
            fixEN: "Run einvoice verify FILE (certificate-digest check) and einvoice keys list to see which certificate the unit holds now, then stamp the document again with the current certificate.",
            fixAR: "شغّل einvoice verify FILE (فحص certificate-digest) والأمر einvoice keys list لمعرفة الشهادة التي تحملها الوحدة حالياً، ثم اختم المستند من جديد بالشهادة الحالية."
        ),
        PlatformEntry(
            "invalid-digital-signature",
            aliases: ["invalid-signature", "signatureValue"],
            titleEN: "Signature value does not verify",
            titleAR: "قيمة التوقيع لا تجتاز التحقق",
            causeEN: "ds:SignatureValue does not verify against the public key of the embedded certificate. Usually the document was signed with another private key than the one the certificate was issued for (key regenerated after the CSR, certificate of another unit), the signature was computed over the wrong input (the hash's base64 or hex text, or after an extra round of hashing), or the invoice changed after signing. ZATCA's API has reported this as the warning invalid-digital-signature; the SDK and the web validator call it signatureValue.",
            causeAR: "قيمة ds:SignatureValue لا تجتاز التحقق بالمفتاح العام للشهادة المضمّنة. يحدث ذلك عادة لأن المستند وُقّع بمفتاح خاص غير الذي صدرت له الشهادة (أُعيد توليد المفتاح بعد طلب توقيع الشهادة، أو استُخدمت شهادة وحدة أخرى)، أو لأن التوقيع حُسب على مدخل خاطئ (نص رمز التجزئة بترميز base64 أو بالنظام الست عشري، أو بعد جولة تجزئة إضافية)، أو لأن الفاتورة تغيرت بعد التوقيع. وقد أبلغت واجهة برمجة التطبيقات لدى الهيئة عن ذلك بالتحذير invalid-digital-signature، بينما تسميه حزمة SDK وأداة التحقق على الويب signatureValue.",
            fixEN: "Run einvoice verify FILE (signature-value check) and einvoice keys list to confirm that the unit's key and certificate belong together. If they do not, request a new certificate for the unit's key; otherwise stamp the document again with einvoice instead of signing it elsewhere.",
            fixAR: "شغّل einvoice verify FILE (فحص signature-value) والأمر einvoice keys list للتأكد من أن مفتاح الوحدة وشهادتها متطابقان. فإن لم يتطابقا فاطلب شهادة جديدة لمفتاح الوحدة، وإلا فاختم المستند من جديد عبر einvoice بدلاً من توقيعه في نظام آخر."
        ),
        PlatformEntry(
            "certificate-permissions",
            titleEN: "Certificate not allowed for this VAT number or document type",
            titleAR: "الشهادة غير مصرّح لها بهذا الرقم الضريبي أو نوع المستند",
            causeEN: "The CSID used to authenticate does not cover what was sent: the seller VAT number in the XML differs from the one in the certificate, or the certificate was issued for standard documents only (invoice types 1000) and a simplified document was sent, or the reverse (0100). A certificate obtained in one environment and used in another fails the same way.",
            causeAR: "شهادة التشفير (CSID) المستخدمة في المصادقة لا تغطي ما أُرسل: فالرقم الضريبي للبائع في ملف XML يختلف عن الرقم الوارد في الشهادة، أو صدرت الشهادة للمستندات الضريبية فقط (أنواع الفواتير 1000) وأُرسل مستند مبسط، أو العكس (0100). وتفشل بالطريقة نفسها شهادة حُصل عليها في بيئة واستُخدمت في بيئة أخرى.",
            fixEN: "Compare the seller VAT number and the document type with the unit's certificate (einvoice keys list). Send from the unit whose certificate matches, or onboard a unit for the right VAT number and environment with invoice types 1100.",
            fixAR: "قارن الرقم الضريبي للبائع ونوع المستند بشهادة الوحدة (einvoice keys list). أرسل المستند من الوحدة التي تطابق شهادتها، أو سجّل وحدة للرقم الضريبي والبيئة الصحيحين بأنواع الفواتير 1100."
        ),
        PlatformEntry(
            "invalid-signing-certificate",
            aliases: ["certificate-issuer-name"],
            titleEN: "Signing certificate is not valid for this VAT number (warning)",
            titleAR: "شهادة التوقيع غير صالحة لهذا الرقم الضريبي (تحذير)",
            causeEN: "The certificate in the signature was not issued for the seller's VAT number, for example after the company's VAT number changed in the settings, or when a test certificate, a simulation certificate or another company's certificate was used. The document is still accepted, with this warning.",
            causeAR: "الشهادة الموجودة في التوقيع لم تصدر للرقم الضريبي للبائع، مثلاً بعد تغيير الرقم الضريبي للشركة في الإعدادات، أو عند استخدام شهادة تجريبية أو شهادة بيئة المحاكاة أو شهادة شركة أخرى. ويظل المستند مقبولاً مع هذا التحذير.",
            fixEN: "Check the certificate subject with einvoice keys list. If it names another VAT number, onboard the unit again for the seller's VAT number; until then every document from that unit carries this warning.",
            fixAR: "تحقق من بيانات صاحب الشهادة بالأمر einvoice keys list. فإن ذكرت رقماً ضريبياً آخر فأعد تسجيل الوحدة بالرقم الضريبي للبائع، وحتى ذلك الحين سيحمل كل مستند من هذه الوحدة هذا التحذير."
        ),
        PlatformEntry(
            "invoiceTimeStamp_QRCODE_INVALID",
            titleEN: "QR time stamp differs from the invoice issue time (warning)",
            titleAR: "وقت رمز الاستجابة السريعة يختلف عن وقت إصدار الفاتورة (تحذير)",
            causeEN: "Tag 3 of the QR code must repeat cbc:IssueDate and cbc:IssueTime. It differs when the QR was built from the time of signing or printing, converted to UTC or written in another form (a Z suffix, milliseconds), or when the issue time was changed after the QR was made.",
            causeAR: "يجب أن يكرر الوسم 3 في رمز الاستجابة السريعة قيمتي cbc:IssueDate وcbc:IssueTime. ويختلف عنهما عندما يُبنى الرمز من وقت التوقيع أو الطباعة، أو يُحوّل إلى التوقيت العالمي UTC، أو يُكتب بصيغة أخرى (بإضافة Z أو أجزاء الثانية)، أو عندما يُغيَّر وقت الإصدار بعد إنشاء الرمز.",
            fixEN: "Run einvoice verify FILE to decode the QR tags and compare tag 3 with the issue date and time. Stamp the document again with einvoice so that tag 3 is built from the issue date and time.",
            fixAR: "شغّل einvoice verify FILE لفك وسوم رمز الاستجابة السريعة وقارن الوسم 3 بتاريخ الإصدار ووقته. ثم اختم المستند من جديد عبر einvoice ليُبنى الوسم 3 من تاريخ الإصدار ووقته."
        ),
        PlatformEntry(
            "QRCODE_INVALID",
            titleEN: "QR code cannot be validated",
            titleAR: "تعذّر التحقق من رمز الاستجابة السريعة",
            causeEN: "The QR is not valid base64 of ZATCA's TLV structure, or a value in it does not match the document. Typical reasons: lengths counted in characters instead of UTF-8 bytes (an Arabic seller name), a value longer than 255 bytes, line breaks inside the base64, or a phase-one QR with five tags where the cryptographic tags are needed.",
            causeAR: "رمز الاستجابة السريعة ليس ترميز base64 صحيحاً لبنية TLV المعتمدة لدى الهيئة، أو أن إحدى قيمه لا تطابق المستند. ومن الأسباب المعتادة: حساب الأطوال بعدد الأحرف بدلاً من عدد بايتات UTF-8 (في اسم بائع عربي)، أو قيمة يزيد طولها على 255 بايت، أو فواصل أسطر داخل ترميز base64، أو رمز من المرحلة الأولى بخمسة وسوم حيث تلزم الوسوم التشفيرية.",
            fixEN: "Run einvoice verify FILE: it decodes the QR and checks each tag against the document. Regenerate the QR by stamping the document again with einvoice.",
            fixAR: "شغّل einvoice verify FILE، فهو يفك رمز الاستجابة السريعة ويتحقق من كل وسم مقابل المستند. ثم أعد إنشاء الرمز بختم المستند من جديد عبر einvoice."
        ),
        PlatformEntry(
            "CERTIFICATE_SIGNATURE_QRCODE_INVALID",
            titleEN: "QR tag 9 does not match the certificate's signature",
            titleAR: "الوسم 9 في رمز الاستجابة السريعة لا يطابق توقيع الشهادة",
            causeEN: "Tag 9, required on simplified documents, must hold the raw DER signature that ZATCA's certificate authority placed on the signing certificate. It fails when it holds the invoice signature or base64 text instead of bytes, or when it was taken from another certificate than the one in ds:X509Certificate, for example before a renewal.",
            causeAR: "يجب أن يحمل الوسم 9، وهو إلزامي في المستندات المبسطة، التوقيع الخام بصيغة DER الذي وضعته جهة إصدار الشهادات لدى الهيئة على شهادة التوقيع. ويفشل التحقق عندما يحمل توقيع الفاتورة أو نصاً بترميز base64 بدلاً من البايتات، أو عندما يؤخذ من شهادة غير الموجودة في ds:X509Certificate، مثلاً من الشهادة السابقة للتجديد.",
            fixEN: "Run einvoice verify FILE and look at the qr-tag-9 check. Stamp the document again with the unit's current certificate so that tag 9 and the embedded certificate agree.",
            fixAR: "شغّل einvoice verify FILE واطلع على نتيجة فحص qr-tag-9. ثم اختم المستند من جديد بالشهادة الحالية للوحدة ليتطابق الوسم 9 مع الشهادة المضمّنة."
        ),
        PlatformEntry(
            "publicKey_QRCODE_INVALID",
            titleEN: "QR tag 8 does not match the certificate's public key",
            titleAR: "الوسم 8 في رمز الاستجابة السريعة لا يطابق المفتاح العام للشهادة",
            causeEN: "Tag 8 must hold the DER-encoded public key (SubjectPublicKeyInfo) of the signing certificate. It fails when it holds the bare key point, PEM or base64 text, or the key of another certificate.",
            causeAR: "يجب أن يحمل الوسم 8 المفتاح العام لشهادة التوقيع بترميز DER (بنية SubjectPublicKeyInfo). ويفشل التحقق عندما يحمل نقطة المفتاح المجردة، أو نصاً بصيغة PEM أو base64، أو مفتاح شهادة أخرى.",
            fixEN: "Run einvoice verify FILE (qr-tag-8 check) and stamp the document again with the unit's current certificate.",
            fixAR: "شغّل einvoice verify FILE (فحص qr-tag-8) ثم اختم المستند من جديد بالشهادة الحالية للوحدة."
        ),
        PlatformEntry(
            "Missing-ComplianceSteps",
            titleEN: "Compliance checks not completed before requesting the production CSID",
            titleAR: "فحوصات الامتثال لم تكتمل قبل طلب شهادة الإنتاج",
            causeEN: "The production CSID was requested before every sample document required for the invoice types in the CSR had passed the compliance check with the same compliance CSID. Types 1100 need six samples (an invoice, a credit note and a debit note, each in standard and simplified form); the message lists the missing steps, such as the QR checks of the simplified samples.",
            causeAR: "طُلبت شهادة التشفير للإنتاج قبل أن تجتاز جميع المستندات النموذجية المطلوبة لأنواع الفواتير الواردة في طلب توقيع الشهادة فحصَ الامتثال بشهادة الامتثال نفسها. تتطلب الأنواع 1100 ستة نماذج (فاتورة وإشعار دائن وإشعار مدين، لكل من الفاتورة الضريبية والمبسطة)، وتذكر الرسالة الخطوات الناقصة، مثل فحوصات رمز الاستجابة السريعة في النماذج المبسطة.",
            fixEN: "Send the missing sample documents to the compliance check with the same compliance CSID until each one passes, then request the production CSID again. If the CSR declared invoice types the business does not issue, start again with a CSR for the types it needs.",
            fixAR: "أرسل المستندات النموذجية الناقصة إلى فحص الامتثال بشهادة الامتثال نفسها حتى يجتاز كل منها، ثم اطلب شهادة الإنتاج مرة أخرى. وإذا صرّح طلب توقيع الشهادة بأنواع فواتير لا تصدرها المنشأة فابدأ من جديد بطلب يقتصر على الأنواع التي تحتاجها."
        ),
        PlatformEntry(
            "invalid-pih",
            titleEN: "Previous invoice hash (PIH) breaks the chain",
            titleAR: "رمز تجزئة الفاتورة السابقة (PIH) يقطع السلسلة",
            causeEN: "invalid-pih is einvoice's name for this problem: the PIH (KSA-13) of a document is not the hash of the document the same unit issued just before it. Typically the chain state was lost or restored from a backup, two processes issued from one unit at the same time, the first document used MA== instead of the official first-invoice value, or a rejected document was skipped although it stays in the chain.",
            causeAR: "الاسم invalid-pih هو الاسم الذي يستخدمه einvoice لهذه المشكلة: فقيمة PIH (KSA-13) في المستند ليست رمز تجزئة المستند الذي أصدرته الوحدة نفسها قبله مباشرة. يحدث ذلك عادة عند فقدان حالة السلسلة أو استعادتها من نسخة احتياطية، أو عند إصدار عمليتين من وحدة واحدة في الوقت نفسه، أو عند استخدام MA== في أول مستند بدلاً من القيمة الرسمية لأول فاتورة، أو عند تجاوز مستند مرفوض مع أنه يبقى جزءاً من السلسلة.",
            fixEN: "Run einvoice verify FILE --expected-pih HASH with the hash of the previous document, and einvoice keys list for the unit's last ICV. Do not edit the chain by hand; issue the following documents through einvoice so that it carries the PIH forward.",
            fixAR: "شغّل einvoice verify FILE --expected-pih HASH مع رمز تجزئة المستند السابق، والأمر einvoice keys list لمعرفة آخر قيمة لعداد الفواتير ICV في الوحدة. لا تعدّل السلسلة يدوياً، وأصدر المستندات التالية عبر einvoice ليتولى نقل قيمة PIH من مستند إلى الذي يليه."
        ),
        PlatformEntry(
            "X509IssuerName",
            aliases: ["X509SerialNumber"],
            titleEN: "Issuer name or serial number in the signature does not match the certificate",
            titleAR: "اسم جهة الإصدار أو الرقم التسلسلي في التوقيع لا يطابق الشهادة",
            causeEN: "ds:X509IssuerName or ds:X509SerialNumber in xades:IssuerSerial does not match the signing certificate: the parts of the issuer name are in the wrong order or separated differently, the serial number is written in hex instead of decimal, or the certificate was replaced without updating these fields. ZATCA's sandbox web validator also reports both errors for certificates it does not know, even when the API accepts the document.",
            causeAR: "قيمة ds:X509IssuerName أو ds:X509SerialNumber في xades:IssuerSerial لا تطابق شهادة التوقيع: فأجزاء اسم جهة الإصدار مرتبة ترتيباً خاطئاً أو مفصولة بطريقة مختلفة، أو الرقم التسلسلي مكتوب بالنظام الست عشري بدلاً من العشري، أو استُبدلت الشهادة دون تحديث هذين الحقلين. كما تُظهر أداة التحقق على الويب في بيئة الاختبار لدى الهيئة الخطأين كليهما مع الشهادات التي لا تعرفها، حتى عندما تقبل واجهة برمجة التطبيقات المستند.",
            fixEN: "Run einvoice verify FILE (issuer-name and serial-number checks). If both pass and only the web validator complains, go by the API's answer; otherwise stamp the document again with einvoice.",
            fixAR: "شغّل einvoice verify FILE (فحصا issuer-name وserial-number). فإذا نجح الفحصان ولم يعترض إلا أداة التحقق على الويب فاعتمد على رد واجهة برمجة التطبيقات، وإلا فاختم المستند من جديد عبر einvoice."
        ),
        PlatformEntry(
            "XSD_ZATCA_INVALID",
            aliases: ["XSD-INVALID"],
            titleEN: "XML does not match the UBL 2.1 schema",
            titleAR: "ملف XML لا يطابق مخطط UBL 2.1",
            causeEN: "The document breaks the UBL 2.1 schema as ZATCA applies it, and the message names the line and column. Common reasons: elements out of the schema's order or under the wrong parent, a missing namespace, or values of the wrong type (amounts with separators, dates in a local format, a hex serial number where an integer is required).",
            causeAR: "يخالف المستند مخطط UBL 2.1 كما تطبقه الهيئة، وتذكر الرسالة رقم السطر والعمود. ومن الأسباب الشائعة: عناصر خارج الترتيب الذي يفرضه المخطط أو تحت عنصر أب خاطئ، أو نطاق أسماء ناقص، أو قيم من نوع خاطئ (مبالغ بفواصل، أو تواريخ بصيغة محلية، أو رقم تسلسلي ست عشري حيث يلزم عدد صحيح).",
            fixEN: "Run einvoice validate FILE to find the element, and compare it with the line and column in ZATCA's message. Documents built by einvoice follow the schema order; if the XML came from another system, fix that system's template.",
            fixAR: "شغّل einvoice validate FILE لتحديد العنصر، وقارنه بالسطر والعمود المذكورين في رسالة الهيئة. المستندات التي يبنيها einvoice تتبع ترتيب المخطط، فإن جاء ملف XML من نظام آخر فأصلح القالب في ذلك النظام."
        ),
        PlatformEntry(
            "GENERAL",
            titleEN: "ZATCA could not run its business-rule validation",
            titleAR: "تعذّر على الهيئة تنفيذ التحقق من قواعد العمل",
            causeEN: "ZATCA's rule engine failed on the document instead of reporting a specific rule (Unable to execute Business Rules validation). It has been seen with malformed discounts and charges, at document or line level, and at times it comes from a temporary fault on the platform.",
            causeAR: "تعطّل محرك القواعد لدى الهيئة عند معالجة المستند بدلاً من الإبلاغ عن قاعدة محددة (Unable to execute Business Rules validation). وقد لوحظ ذلك مع خصومات ورسوم إضافية غير سليمة البنية على مستوى المستند أو البند، وقد ينتج أحياناً عن عطل مؤقت في المنصة.",
            fixEN: "Run einvoice validate FILE and fix every finding, especially on allowances and charges. If einvoice finds nothing, keep the request and the response and raise them with ZATCA support before issuing a replacement.",
            fixAR: "شغّل einvoice validate FILE وأصلح كل ما يظهره، ولا سيما في الخصومات والرسوم الإضافية. وإذا لم يجد einvoice شيئاً فاحتفظ بالطلب والرد وارفعهما إلى دعم الهيئة قبل إصدار مستند بديل."
        ),
        PlatformEntry(
            "HTTP-202",
            titleEN: "Accepted with warnings",
            titleAR: "مقبول مع تحذيرات",
            causeEN: "The document was reported or cleared, but ZATCA found problems that are warnings rather than errors; they are listed in validationResults.warningMessages.",
            causeAR: "أُبلغ عن المستند أو اعتُمد، لكن الهيئة وجدت ملاحظات بمستوى التحذير لا الخطأ، وهي مدرجة في validationResults.warningMessages.",
            fixEN: "Do not resend: the document is accepted. Look up each warning code and fix its cause so that later documents come through clean; einvoice invoice show ID shows the document and its status history.",
            fixAR: "لا تُعِد الإرسال، فالمستند مقبول. ابحث عن رمز كل تحذير وعالج سببه لتمر المستندات اللاحقة دون ملاحظات، ويعرض الأمر einvoice invoice show ID المستند وسجل حالاته."
        ),
        PlatformEntry(
            "HTTP-208",
            titleEN: "Already cleared (duplicate)",
            titleAR: "معتمد مسبقاً (مكرر)",
            causeEN: "The same standard document was sent to clearance again after an earlier submission had already been cleared, typically a retry after a timeout or a second worker sending the same invoice. The response still carries the cleared invoice.",
            causeAR: "أُرسل المستند الضريبي نفسه إلى الاعتماد مرة أخرى بعد أن اعتُمد في إرسال سابق، وغالباً ما يكون ذلك إعادة محاولة بعد انتهاء المهلة أو عملية ثانية ترسل الفاتورة نفسها. ولا يزال الرد يحمل الفاتورة المعتمدة.",
            fixEN: "Treat the document as cleared and keep the cleared invoice from the response; do not resend it or issue a replacement. Check its status with einvoice invoice show ID.",
            fixAR: "اعتبر المستند معتمداً واحتفظ بالفاتورة المعتمدة الواردة في الرد، ولا تُعِد إرساله ولا تُصدر بديلاً عنه. وتحقق من حالته بالأمر einvoice invoice show ID."
        ),
        PlatformEntry(
            "HTTP-409",
            titleEN: "Already reported (duplicate)",
            titleAR: "مُبلغ عنه مسبقاً (مكرر)",
            causeEN: "The same simplified document was reported again after an earlier submission had succeeded, typically a retry after a timeout or a queue that delivered twice. ZATCA answers that the invoice was already reported successfully.",
            causeAR: "أُبلغ عن المستند المبسط نفسه مرة أخرى بعد نجاح إرسال سابق، وغالباً ما يكون ذلك إعادة محاولة بعد انتهاء المهلة أو قائمة انتظار سلّمت الرسالة مرتين. وترد الهيئة بأن الفاتورة أُبلغ عنها بنجاح من قبل.",
            fixEN: "Treat the document as reported; do not resend it or issue a replacement with a new number. Check its status with einvoice invoice show ID.",
            fixAR: "اعتبر المستند مُبلغاً عنه، ولا تُعِد إرساله ولا تُصدر بديلاً عنه برقم جديد. وتحقق من حالته بالأمر einvoice invoice show ID."
        ),
        PlatformEntry(
            "HTTP-303",
            titleEN: "Clearance is switched off: use reporting",
            titleAR: "الاعتماد متوقف: استخدم الإبلاغ",
            causeEN: "The clearance endpoint turned the document away because clearance is deactivated for this request: the request carried the header Clearance-Status 0, or ZATCA has switched clearance off.",
            causeAR: "رفضت نقطة الاعتماد المستند لأن الاعتماد متوقف لهذا الطلب: إما لأن الطلب حمل الترويسة Clearance-Status بالقيمة 0، وإما لأن الهيئة أوقفت الاعتماد.",
            fixEN: "Send the same stamped document to the reporting endpoint (invoices/reporting/single) instead; nothing in the document needs to change.",
            fixAR: "أرسل المستند المختوم نفسه إلى نقطة الإبلاغ (invoices/reporting/single) بدلاً من ذلك، ولا يلزم تغيير أي شيء في المستند."
        ),
        PlatformEntry(
            "HTTP-400",
            titleEN: "Rejected",
            titleAR: "مرفوض",
            causeEN: "ZATCA rejected the request. For invoices the reasons are in validationResults.errorMessages, each with a code (a rule such as BR-KSA-44 or a platform code such as invalid-invoice-hash); during onboarding the body names the problem, such as Invalid-OTP or Invalid-CSR.",
            causeAR: "رفضت الهيئة الطلب. وفي الفواتير ترد الأسباب في validationResults.errorMessages، ولكل منها رمز (قاعدة مثل BR-KSA-44 أو رمز من رموز المنصة مثل invalid-invoice-hash)، أما في إجراءات التهيئة فيذكر جسم الرد المشكلة، مثل Invalid-OTP أو Invalid-CSR.",
            fixEN: "Look up each error code and fix its cause. A rejected invoice stays in the unit's chain: do not resend it, but issue a corrected document, which gets its own ICV and carries the rejected document's hash as its PIH. einvoice invoice show ID shows the document and its status history.",
            fixAR: "ابحث عن كل رمز خطأ وعالج سببه. تبقى الفاتورة المرفوضة جزءاً من سلسلة الوحدة، فلا تُعِد إرسالها بل أصدر مستنداً مصححاً يحمل عداد ICV خاصاً به ويحمل رمز تجزئة المستند المرفوض قيمةً لـ PIH. ويعرض الأمر einvoice invoice show ID المستند وسجل حالاته."
        ),
        PlatformEntry(
            "HTTP-401",
            titleEN: "Authentication failed",
            titleAR: "فشلت المصادقة",
            causeEN: "ZATCA did not accept the credentials: the binarySecurityToken or the secret is wrong or badly encoded in the Basic header, a compliance CSID was used where the production CSID is needed (or the reverse), or credentials from one environment (simulation, production) were sent to another.",
            causeAR: "لم تقبل الهيئة بيانات الاعتماد: فإما أن قيمة binarySecurityToken أو الرمز السري خاطئة أو مرمّزة ترميزاً خاطئاً في ترويسة Basic، أو استُخدمت شهادة الامتثال حيث تلزم شهادة الإنتاج (أو العكس)، أو أُرسلت بيانات اعتماد بيئة (المحاكاة أو الإنتاج) إلى بيئة أخرى.",
            fixEN: "Check with einvoice keys list which certificate the unit holds and that the environment it was issued in matches the one being called. If the production CSID has expired, renew it with einvoice egs renew ID.",
            fixAR: "تحقق بالأمر einvoice keys list من الشهادة التي تحملها الوحدة ومن أن البيئة التي صدرت فيها تطابق البيئة التي يُرسل إليها الطلب. وإذا انتهت صلاحية شهادة الإنتاج فجدّدها بالأمر einvoice egs renew ID."
        ),
        PlatformEntry(
            "HTTP-413",
            titleEN: "Request too large",
            titleAR: "الطلب أكبر من الحد المسموح",
            causeEN: "The request body is larger than ZATCA's gateway accepts, usually because of files embedded as attachments in the XML or an invoice with a very large number of lines.",
            causeAR: "حجم جسم الطلب أكبر مما تقبله بوابة الهيئة، ويرجع ذلك عادة إلى ملفات مضمّنة مرفقاتٍ في ملف XML أو إلى فاتورة بعدد كبير جداً من البنود.",
            fixEN: "Remove embedded attachments or split the sale into several invoices. If a document of normal size gets this answer, resend the same document later.",
            fixAR: "احذف المرفقات المضمّنة أو قسّم عملية البيع على عدة فواتير. وإذا تلقى مستند بحجم عادي هذا الرد فأعد إرسال المستند نفسه لاحقاً."
        ),
        PlatformEntry(
            "HTTP-429",
            titleEN: "Too many requests",
            titleAR: "طلبات أكثر من المسموح",
            causeEN: "ZATCA's rate limit was reached, typically when a backlog of point-of-sale documents or a batch job is sent all at once.",
            causeAR: "بلغت الطلبات الحد الذي تسمح به الهيئة، وغالباً ما يحدث ذلك عند إرسال متأخرات مستندات نقاط البيع أو مهمة دفعية كاملة دفعة واحدة.",
            fixEN: "Wait and resend the same document later, spreading submissions over time; the document itself does not change. Simplified documents should still be reported within 24 hours of issue.",
            fixAR: "انتظر ثم أعد إرسال المستند نفسه لاحقاً مع توزيع الإرسال على فترات، ولا يتغير المستند نفسه. ويظل الإبلاغ عن المستندات المبسطة واجباً خلال 24 ساعة من إصدارها."
        ),
        PlatformEntry(
            "HTTP-500",
            aliases: ["HTTP-502", "HTTP-503", "HTTP-504"],
            titleEN: "ZATCA server error or unavailable",
            titleAR: "خطأ في خادم الهيئة أو عدم توفره",
            causeEN: "The platform or its gateway failed or was unavailable (maintenance, overload), so the document was not judged, or the answer was lost on the way back.",
            causeAR: "تعطلت المنصة أو بوابتها أو لم تكن متاحة (صيانة أو ضغط)، فلم يُفحص المستند، أو ضاع الرد في طريق العودة.",
            fixEN: "Resend the same bytes later; do not issue a new document. If the first attempt had in fact been accepted, the resend returns 208 or 409, which means success.",
            fixAR: "أعد إرسال البايتات نفسها لاحقاً، ولا تُصدر مستنداً جديداً. وإذا كانت المحاولة الأولى قد قُبلت فعلاً فسيعود رد إعادة الإرسال بالرمز 208 أو 409، وهذا يعني النجاح."
        ),
        PlatformEntry(
            "TIMEOUT",
            titleEN: "No answer from ZATCA: outcome unknown",
            titleAR: "لا رد من الهيئة: النتيجة غير معروفة",
            causeEN: "The connection timed out or dropped before ZATCA answered, so the document may or may not have been cleared or reported.",
            causeAR: "انتهت مهلة الاتصال أو انقطع قبل أن ترد الهيئة، فقد يكون المستند اعتُمد أو أُبلغ عنه وقد لا يكون.",
            fixEN: "Resend the same bytes (same UUID, ICV, hash and signature); never issue a replacement with a new number. If the first attempt got through, ZATCA answers 208 or 409, which counts as success. einvoice invoice show ID shows the document's current status.",
            fixAR: "أعد إرسال البايتات نفسها (بالمعرّف UUID وعداد ICV ورمز التجزئة والتوقيع نفسها)، ولا تُصدر أبداً بديلاً برقم جديد. وإذا كانت المحاولة الأولى قد وصلت فسترد الهيئة بالرمز 208 أو 409، ويُعد ذلك نجاحاً. ويعرض الأمر einvoice invoice show ID الحالة الحالية للمستند."
        ),
        PlatformEntry(
            "Invalid-OTP",
            titleEN: "OTP invalid or expired",
            titleAR: "رمز التحقق لمرة واحدة (OTP) غير صالح أو منتهي الصلاحية",
            causeEN: "The one-time password is wrong, already used or expired (it is short-lived), or it was generated in the Fatoora portal of another environment (simulation instead of production) or for another VAT number than the CSR.",
            causeAR: "رمز التحقق لمرة واحدة خاطئ أو مستخدم من قبل أو منتهي الصلاحية (فصلاحيته قصيرة)، أو وُلّد في بوابة فاتورة لبيئة أخرى (المحاكاة بدلاً من الإنتاج)، أو لرقم ضريبي غير الوارد في طلب توقيع الشهادة.",
            fixEN: "Generate a new OTP in the Fatoora portal for the same environment and VAT number as the unit, and use it at once for the onboarding or renewal request.",
            fixAR: "ولّد رمز تحقق جديداً في بوابة فاتورة للبيئة والرقم الضريبي نفسيهما الخاصين بالوحدة، واستخدمه فوراً في طلب التهيئة أو التجديد."
        ),
        PlatformEntry(
            "Invalid-CSR",
            titleEN: "CSR rejected",
            titleAR: "طلب توقيع الشهادة (CSR) مرفوض",
            causeEN: "ZATCA could not accept the certificate signing request. Common reasons: a certificate template name that does not fit the environment (the answer may mention an unsupported template), subject fields over 64 characters or Arabic text not encoded as UTF-8, an EGS serial number not in the form 1-...|2-...|3-..., a key that is not secp256k1, or a CSR not sent as base64 of its PEM text.",
            causeAR: "تعذّر على الهيئة قبول طلب توقيع الشهادة. ومن الأسباب الشائعة: اسم قالب شهادة لا يناسب البيئة (وقد يذكر الرد قالباً غير مدعوم)، أو حقول في بيانات صاحب الشهادة تتجاوز 64 حرفاً أو نص عربي غير مرمّز بترميز UTF-8، أو رقم تسلسلي لوحدة الفوترة بغير الصيغة 1-...|2-...|3-...، أو مفتاح من غير نوع secp256k1، أو إرسال الطلب بغير ترميز base64 لنصه بصيغة PEM.",
            fixEN: "Create the key and CSR again with einvoice keys create, choosing the right --environment and keeping names short, print it with einvoice keys csr --egs ID, and request the CSID with a fresh OTP.",
            fixAR: "أنشئ المفتاح وطلب توقيع الشهادة من جديد بالأمر einvoice keys create مع اختيار البيئة الصحيحة في الخيار --environment والإبقاء على الأسماء قصيرة، واعرض الطلب بالأمر einvoice keys csr --egs ID، ثم اطلب شهادة التشفير برمز تحقق جديد."
        ),
        PlatformEntry(
            "certificate-expired",
            titleEN: "Certificate (CSID) expired",
            titleAR: "انتهت صلاحية شهادة التشفير (CSID)",
            causeEN: "The unit's production CSID has passed its expiry date, so ZATCA no longer accepts requests authenticated, or documents signed, with it. Usually the renewal reminder was missed.",
            causeAR: "تجاوزت شهادة الإنتاج الخاصة بالوحدة تاريخ انتهاء صلاحيتها، فلم تعد الهيئة تقبل الطلبات المصادق عليها بها ولا المستندات الموقعة بها. وغالباً ما يكون التنبيه بالتجديد قد فات.",
            fixEN: "Check the EXPIRES column of einvoice keys list. Generate a renewal OTP in the Fatoora portal and run einvoice egs renew ID before issuing more documents from this unit.",
            fixAR: "تحقق من عمود EXPIRES في ناتج الأمر einvoice keys list. ثم ولّد رمز تحقق للتجديد في بوابة فاتورة وشغّل einvoice egs renew ID قبل إصدار مستندات أخرى من هذه الوحدة."
        ),
        PlatformEntry(
            "HTTP-428",
            titleEN: "Renewed certificate must pass compliance checks",
            titleAR: "الشهادة المجددة يجب أن تجتاز فحوصات الامتثال",
            causeEN: "During CSID renewal (PATCH production/csids) ZATCA can answer 428 with a new token, a secret and the disposition NOT_COMPLIANT. This is not a failure: the new certificate must pass the compliance checks before the production CSID is issued.",
            causeAR: "قد ترد الهيئة أثناء تجديد شهادة التشفير (PATCH production/csids) بالرمز 428 مع رمز مصادقة جديد ورمز سري والحالة NOT_COMPLIANT. وهذا ليس إخفاقاً، بل يعني أن الشهادة الجديدة يجب أن تجتاز فحوصات الامتثال قبل إصدار شهادة الإنتاج.",
            fixEN: "Keep the token, secret and request ID from the response, send the compliance sample documents with them, then request the production CSID with that request ID.",
            fixAR: "احتفظ برمز المصادقة والرمز السري ومعرّف الطلب الواردة في الرد، وأرسل بها المستندات النموذجية لفحص الامتثال، ثم اطلب شهادة الإنتاج بمعرّف الطلب نفسه."
        ),
    ]
}
