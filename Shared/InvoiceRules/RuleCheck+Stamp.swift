import InvoiceModel

extension RuleCheck {
    /// KSA-13…16: the ICV, PIH and QR references and the cryptographic stamp. Skipped before
    /// stamping, when the signing service has yet to add them.
    mutating func checkStamp() {
        let root = Self.root
        let documents = invoice.additionalDocuments
        for (index, document) in documents.enumerated() {
            let path = "\(root)/cac:AdditionalDocumentReference[\(index + 1)]"
            if !Self.present(document.id) { report("BR-52", "\(path)/cbc:ID") }
            if document.embeddedObject != nil || document.mimeCode != nil {
                let mime = Self.normalized(document.mimeCode)
                if !Self.mimeCodes.contains(mime) {
                    report("BR-KSA-CL-03", "\(path)/cac:Attachment/cbc:EmbeddedDocumentBinaryObject/@mimeCode", value: document.mimeCode)
                }
            }
        }
        guard options.stage == .stamped else { return }

        let icv = documents.first { Self.normalized($0.id) == "ICV" }
        let anyUUID = documents.first { $0.uuid != nil }?.uuid
        if icv == nil || !Self.present(anyUUID) {
            report("BR-KSA-33", "\(root)/cac:AdditionalDocumentReference[cbc:ID='ICV']/cbc:UUID")
        }
        if let counter = anyUUID, !counter.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            report("BR-KSA-34", "\(root)/cac:AdditionalDocumentReference[cbc:ID='ICV']/cbc:UUID", value: counter)
        }

        let pih = documents.first { Self.normalized($0.id) == "PIH" }
        if pih == nil || !Self.present(pih?.embeddedObject) || Self.normalized(pih?.mimeCode) != "text/plain" {
            report("BR-KSA-61", "\(root)/cac:AdditionalDocumentReference[cbc:ID='PIH']")
        }
        if let pih, pih.embeddedObject != nil || pih.mimeCode != nil, !Self.present(pih.embeddedObject) || Self.normalized(pih.mimeCode) != "text/plain" {
            report("BR-KSA-26", "\(root)/cac:AdditionalDocumentReference[cbc:ID='PIH']/cac:Attachment")
        }

        let qr = documents.first { Self.normalized($0.id) == "QR" }
        if isSimplified {
            let qrText = documents.first { $0.id == "QR" }?.embeddedObject
            if qr == nil || qr?.embeddedObject == nil || Self.normalized(qrText).isEmpty || Self.normalized(qr?.mimeCode) != "text/plain" {
                report("BR-KSA-27", "\(root)/cac:AdditionalDocumentReference[cbc:ID='QR']")
            }
        }
        if let qrText = qr?.embeddedObject {
            let length = Self.length(qrText)
            if length > 1000 || length < 1 {
                report("BR-CL-KSA-14", "\(root)/cac:AdditionalDocumentReference[cbc:ID='QR']", value: "\(length) characters")
            }
        }

        if isSimplified {
            if invoice.signature == nil {
                report("BR-KSA-60", "\(root)/cac:Signature")
            }
            for (index, document) in documents.enumerated() where document.embeddedObject != nil || document.mimeCode != nil {
                let path = "\(root)/cac:AdditionalDocumentReference[\(index + 1)]/cac:Attachment"
                let hasObject = Self.present(document.embeddedObject)
                if !(hasObject && invoice.stampInformation?.signatureInformationID == "urn:oasis:names:specification:ubl:signature:1") {
                    report("BR-KSA-28", path, value: invoice.stampInformation?.signatureInformationID)
                }
                if !(invoice.signature?.id == "urn:oasis:names:specification:ubl:signature:Invoice"
                    && Self.normalized(invoice.stampInformation?.referencedSignatureID) == "urn:oasis:names:specification:ubl:signature:Invoice")
                {
                    report("BR-KSA-29", path, value: invoice.signature?.id)
                }
                if !(hasObject && invoice.signature?.method == "urn:oasis:names:specification:ubl:dsig:enveloped:xades") {
                    report("BR-KSA-30", path, value: invoice.signature?.method)
                }
            }
        }
    }
}
