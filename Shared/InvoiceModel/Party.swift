/// The seller (BG-4) or the buyer (BG-7).
public struct Party: Sendable, Hashable, Codable {
    /// BT-29 / BT-46 with its scheme (CRN, MOM, MLS, 700, SAG, OTH for sellers; also TIN, NAT,
    /// GCC, IQA, PAS for buyers).
    public var identifiers: [PartyIdentifier]
    public var address: PostalAddress?
    /// BT-31 / BT-48, the VAT registration number (15 digits, first and last `3`).
    public var vatNumber: String?
    /// Whether `cac:PartyTaxScheme` names the VAT scheme.
    public var taxSchemeIsVAT: Bool
    /// BT-27 / BT-44.
    public var registrationName: String?
    public var contact: Contact?

    public init(
        identifiers: [PartyIdentifier] = [], address: PostalAddress? = nil, vatNumber: String? = nil, taxSchemeIsVAT: Bool = true,
        registrationName: String? = nil, contact: Contact? = nil
    ) {
        self.identifiers = identifiers
        self.address = address
        self.vatNumber = vatNumber
        self.taxSchemeIsVAT = taxSchemeIsVAT
        self.registrationName = registrationName
        self.contact = contact
    }

    /// True when the party element holds nothing (simplified invoices may carry an empty buyer).
    public var isEmpty: Bool {
        identifiers.isEmpty && address == nil && vatNumber == nil && registrationName == nil && contact == nil
    }
}

public struct PartyIdentifier: Sendable, Hashable, Codable {
    /// `schemeID` as written (`CRN`, `NAT`, …).
    public var scheme: String?
    public var value: String

    public init(scheme: String?, value: String) {
        self.scheme = scheme
        self.value = value
    }
}

/// A national address (BG-5 / BG-8).
public struct PostalAddress: Sendable, Hashable, Codable {
    public var street: String?
    public var additionalStreet: String?
    /// KSA-17 / KSA-18, four digits in Saudi addresses.
    public var buildingNumber: String?
    /// KSA-23 / KSA-19, the additional number (`cbc:PlotIdentification`).
    public var additionalNumber: String?
    /// KSA-3 / KSA-4, the district (`cbc:CitySubdivisionName`).
    public var district: String?
    public var city: String?
    /// Five digits in Saudi addresses.
    public var postalCode: String?
    /// BT-39 / BT-54 (`cbc:CountrySubentity`).
    public var province: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?

    public init(
        street: String? = nil, additionalStreet: String? = nil, buildingNumber: String? = nil, additionalNumber: String? = nil,
        district: String? = nil, city: String? = nil, postalCode: String? = nil, province: String? = nil, country: String? = nil
    ) {
        self.street = street
        self.additionalStreet = additionalStreet
        self.buildingNumber = buildingNumber
        self.additionalNumber = additionalNumber
        self.district = district
        self.city = city
        self.postalCode = postalCode
        self.province = province
        self.country = country
    }
}

public struct Contact: Sendable, Hashable, Codable {
    public var name: String?
    public var telephone: String?
    public var email: String?

    public init(name: String? = nil, telephone: String? = nil, email: String? = nil) {
        self.name = name
        self.telephone = telephone
        self.email = email
    }
}
