/// The OpenAPI 3.0 description of the HTTP API, served at `/openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.0.3",
 "info": {
  "title": "einvoice HTTP API",
  "version": "1.0.0",
  "description": "ZATCA (Fatoora) e-invoicing for Saudi businesses: register taxpayers, units and buyers; issue invoices and notes that come back stamped, and cleared (standard) or queued for reporting (simplified). Every /v1 call needs an API key (einvoice apikey create). Amounts are decimal strings."
 },
 "servers": [
  {
   "url": "http://127.0.0.1:8088"
  }
 ],
 "security": [
  {
   "apiKey": []
  },
  {
   "bearer": []
  }
 ],
 "paths": {
  "/healthz": {
   "get": {
    "summary": "Health of every service",
    "tags": [
     "operations"
    ],
    "responses": {
     "200": {
      "description": "All services serving",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "503": {
      "description": "Some service is not serving",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/metrics": {
   "get": {
    "summary": "Prometheus metrics",
    "tags": [
     "operations"
    ],
    "responses": {
     "200": {
      "description": "Text exposition format",
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/openapi.json": {
   "get": {
    "summary": "This document",
    "tags": [
     "operations"
    ],
    "responses": {
     "200": {
      "description": "OpenAPI 3.0 document",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/invoices/{id}": {
   "get": {
    "summary": "The invoice page (Arabic and English, with its QR code)",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "t",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "The page token from `einvoice invoice link`; an API key works too."
     }
    ],
    "responses": {
     "200": {
      "description": "HTML",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/v1/taxpayers": {
   "post": {
    "summary": "Register a taxpayer",
    "tags": [
     "registration"
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Taxpayer"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Registered",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Taxpayer"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "get": {
    "summary": "List taxpayers",
    "tags": [
     "registration"
    ],
    "responses": {
     "200": {
      "description": "Taxpayers",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/taxpayers/{vat}": {
   "get": {
    "summary": "A taxpayer",
    "tags": [
     "registration"
    ],
    "parameters": [
     {
      "name": "vat",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The taxpayer",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Taxpayer"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/units": {
   "post": {
    "summary": "Register an EGS unit",
    "tags": [
     "registration"
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AddUnit"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Registered",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Unit"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "get": {
    "summary": "List EGS units with their onboarding state",
    "tags": [
     "registration"
    ],
    "parameters": [
     {
      "name": "vat",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Units",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/units/{egs}": {
   "get": {
    "summary": "An EGS unit and every onboarding step",
    "tags": [
     "registration"
    ],
    "parameters": [
     {
      "name": "egs",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The unit",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Unit"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/units/{egs}/onboard": {
   "post": {
    "summary": "Onboard (or resume onboarding) a unit to a production CSID",
    "tags": [
     "registration"
    ],
    "parameters": [
     {
      "name": "egs",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Onboard"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Onboarded",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Unit"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/buyers": {
   "post": {
    "summary": "Register a buyer",
    "tags": [
     "registration"
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Buyer"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Registered",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Buyer"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "get": {
    "summary": "List buyers",
    "tags": [
     "registration"
    ],
    "parameters": [
     {
      "name": "seller",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Buyers",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/buyers/{ref}": {
   "get": {
    "summary": "A buyer, by id or VAT number",
    "tags": [
     "registration"
    ],
    "parameters": [
     {
      "name": "ref",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The buyer",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Buyer"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/invoices": {
   "post": {
    "summary": "Issue an invoice: validated, numbered, stamped; a standard one is cleared before the answer",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "egs",
      "in": "query",
      "required": true,
      "schema": {
       "type": "string"
      },
      "description": "The EGS unit that stamps it."
     },
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "A retried request with the same key returns the same invoice."
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/InvoiceDraft"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Issued",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/IssueResponse"
        }
       }
      }
     },
     "200": {
      "description": "A retry of an earlier request: the same invoice",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/IssueResponse"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   },
   "get": {
    "summary": "Search invoices",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "seller",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "buyer",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "kind",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "number",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer"
      }
     },
     {
      "name": "offset",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Invoices",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/invoices/{ref}": {
   "get": {
    "summary": "An invoice with its history (JSON; ?format=xml for its XML)",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "ref",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The invoice",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/invoices/{ref}/xml": {
   "get": {
    "summary": "The invoice's XML: cleared, else stamped",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "ref",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "UBL 2.1",
      "content": {
       "application/xml": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/invoices/{ref}/qr.png": {
   "get": {
    "summary": "The invoice's QR code as PNG",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "ref",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "size",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "PNG",
      "content": {
       "image/png": {
        "schema": {
         "type": "string",
         "format": "binary"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/invoices/{ref}/notes": {
   "post": {
    "summary": "Issue a credit or debit note on an invoice",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "ref",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Note"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Issued",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/IssueResponse"
        }
       }
      }
     },
     "200": {
      "description": "A retry: the same note",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/IssueResponse"
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/v1/submissions": {
   "get": {
    "summary": "The clearance and reporting queue",
    "tags": [
     "invoices"
    ],
    "parameters": [
     {
      "name": "state",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "egs",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Submissions",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true
        }
       }
      }
     },
     "default": {
      "description": "An error, with the rule IDs and messages when the invoice breaks ZATCA's rules",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "securitySchemes": {
   "apiKey": {
    "type": "apiKey",
    "in": "header",
    "name": "X-API-Key"
   },
   "bearer": {
    "type": "http",
    "scheme": "bearer"
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "code",
       "message"
      ],
      "properties": {
       "code": {
        "type": "string",
        "example": "invalid_argument"
       },
       "message": {
        "type": "string"
       },
       "findings": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "rule": {
           "type": "string",
           "example": "BR-KSA-40"
          },
          "severity": {
           "type": "string",
           "enum": [
            "error",
            "warning"
           ]
          },
          "path": {
           "type": "string"
          },
          "field": {
           "type": "string"
          },
          "value": {
           "type": "string"
          },
          "message_en": {
           "type": "string"
          },
          "message_ar": {
           "type": "string"
          }
         }
        }
       }
      }
     }
    }
   },
   "Address": {
    "type": "object",
    "properties": {
     "street": {
      "type": "string"
     },
     "additionalStreet": {
      "type": "string"
     },
     "buildingNumber": {
      "type": "string"
     },
     "additionalNumber": {
      "type": "string"
     },
     "district": {
      "type": "string"
     },
     "city": {
      "type": "string"
     },
     "postalCode": {
      "type": "string"
     },
     "province": {
      "type": "string"
     },
     "country": {
      "type": "string"
     }
    }
   },
   "Identifier": {
    "type": "object",
    "required": [
     "scheme",
     "value"
    ],
    "properties": {
     "scheme": {
      "type": "string",
      "example": "CRN"
     },
     "value": {
      "type": "string"
     }
    }
   },
   "Taxpayer": {
    "type": "object",
    "required": [
     "vatNumber",
     "nameAR",
     "vatGroup",
     "sellerID",
     "address",
     "vatRegistered"
    ],
    "properties": {
     "vatNumber": {
      "type": "string",
      "pattern": "^3[0-9]{13}3$"
     },
     "nameAR": {
      "type": "string"
     },
     "nameEN": {
      "type": "string"
     },
     "vatGroup": {
      "type": "boolean"
     },
     "groupTIN": {
      "type": "string"
     },
     "sellerID": {
      "$ref": "#/components/schemas/Identifier"
     },
     "address": {
      "$ref": "#/components/schemas/Address"
     },
     "vatRegistered": {
      "type": "boolean"
     },
     "industry": {
      "type": "string"
     }
    }
   },
   "AddUnit": {
    "type": "object",
    "required": [
     "egsID",
     "vatNumber",
     "serial",
     "name",
     "branch",
     "invoiceTypes",
     "environment"
    ],
    "properties": {
     "egsID": {
      "type": "string"
     },
     "vatNumber": {
      "type": "string"
     },
     "serial": {
      "type": "string",
      "example": "1-einvoice|2-1.0|3-0001"
     },
     "name": {
      "type": "string"
     },
     "branch": {
      "type": "string"
     },
     "industry": {
      "type": "string"
     },
     "invoiceTypes": {
      "type": "string",
      "enum": [
       "1100",
       "1000",
       "0100"
      ]
     },
     "environment": {
      "type": "string",
      "enum": [
       "sandbox",
       "simulation",
       "production"
      ]
     },
     "location": {
      "type": "string"
     }
    }
   },
   "Unit": {
    "type": "object",
    "properties": {
     "egsID": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "registered",
       "key-created",
       "compliance-csid",
       "compliance-checked",
       "production-csid",
       "onboarded"
      ]
     },
     "certificateKind": {
      "type": "string"
     },
     "certificateExpiry": {
      "type": "string",
      "format": "date-time"
     },
     "lastError": {
      "type": "string"
     },
     "steps": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": true
      }
     }
    },
    "additionalProperties": true
   },
   "Onboard": {
    "type": "object",
    "properties": {
     "otp": {
      "type": "string",
      "description": "The 6-digit OTP from the Fatoora portal (only until the compliance CSID is issued)."
     }
    }
   },
   "Buyer": {
    "type": "object",
    "required": [
     "sellerVAT",
     "name",
     "language"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "sellerVAT": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "vatNumber": {
      "type": "string"
     },
     "otherID": {
      "$ref": "#/components/schemas/Identifier"
     },
     "address": {
      "$ref": "#/components/schemas/Address"
     },
     "email": {
      "type": "string"
     },
     "phone": {
      "type": "string"
     },
     "language": {
      "type": "string",
      "enum": [
       "ar",
       "en"
      ]
     }
    }
   },
   "InvoiceDraft": {
    "type": "object",
    "required": [
     "kind",
     "subtype",
     "seller",
     "lines"
    ],
    "description": "The sale; einvoice computes every amount with ZATCA's rounding. See protocols/Invoicing/INVOICE-JSON.md.",
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "invoice",
       "credit-note",
       "debit-note",
       "prepayment"
      ]
     },
     "subtype": {
      "type": "string",
      "enum": [
       "standard",
       "simplified"
      ]
     },
     "number": {
      "type": "string"
     },
     "issueDate": {
      "type": "string"
     },
     "issueTime": {
      "type": "string"
     },
     "currency": {
      "type": "string"
     },
     "seller": {
      "type": "object",
      "additionalProperties": true
     },
     "buyer": {
      "type": "object",
      "additionalProperties": true
     },
     "supplyDate": {
      "type": "string"
     },
     "paymentMeansCode": {
      "type": "string"
     },
     "billingReference": {
      "type": "string"
     },
     "reason": {
      "type": "string"
     },
     "pricesIncludeVAT": {
      "type": "boolean"
     },
     "lines": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "name",
        "quantity",
        "price",
        "category"
       ],
       "properties": {
        "name": {
         "type": "string"
        },
        "quantity": {
         "type": "string"
        },
        "price": {
         "type": "string"
        },
        "category": {
         "type": "string",
         "enum": [
          "S",
          "Z",
          "E",
          "O"
         ]
        },
        "rate": {
         "type": "string"
        },
        "unitCode": {
         "type": "string"
        }
       }
      }
     }
    },
    "additionalProperties": true
   },
   "Note": {
    "type": "object",
    "required": [
     "kind",
     "reason",
     "egs"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "credit-note",
       "debit-note"
      ]
     },
     "reason": {
      "type": "string"
     },
     "egs": {
      "type": "string"
     },
     "lines": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": true
      }
     },
     "sellerVAT": {
      "type": "string"
     }
    }
   },
   "IssueResponse": {
    "type": "object",
    "properties": {
     "invoice": {
      "type": "object",
      "additionalProperties": true
     },
     "warnings": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": true
      }
     },
     "replayed": {
      "type": "boolean"
     }
    }
   }
  }
 }
}
"""#
}
