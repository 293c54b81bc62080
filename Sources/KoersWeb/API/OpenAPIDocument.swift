/// The OpenAPI 3 document served at `/api/v1/openapi.json`.
///
/// The paths and the response schemas are written by hand beside the routes; the request bodies
/// and the list's query parameters are not here but built from the commands' forms
/// (``APIContract``). A test checks that every API route is described and that the document is
/// valid OpenAPI; schemathesis checks the running API against it.
enum OpenAPIDocument {
    static let json = #"""
        {
         "openapi": "3.0.3",
         "info": {
          "title": "Koers API",
          "version": "1.0.0",
          "description": "Registration and case coordination for the LVV. Bearer tokens (`koers token create`). \#
        Errors are application/problem+json with every invalid field in `invalidParams`. Changes to a case need \#
        `If-Match` with the case's ETag. Messages follow Accept-Language (nl default, en)."
         },
         "servers": [
          {
           "url": "/api/v1"
          }
         ],
         "security": [
          {
           "bearer": []
          }
         ],
         "paths": {
          "/me": {
           "get": {
            "summary": "The signed-in user",
            "operationId": "getMe",
            "responses": {
             "200": {
              "description": "User",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/locations": {
           "get": {
            "summary": "The caller's locations with their regional-ties rule",
            "operationId": "listLocations",
            "responses": {
             "200": {
              "description": "Locations",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/Location"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/outflow-reasons": {
           "get": {
            "summary": "The outflow code list",
            "operationId": "listOutflowReasons",
            "responses": {
             "200": {
              "description": "Reasons",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/OutflowReason"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories": {
           "get": {
            "summary": "Trajectories at the caller's locations",
            "operationId": "listTrajectories",
            "parameters": [],
            "responses": {
             "200": {
              "description": "A page of trajectories",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/CaseList"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           },
           "post": {
            "summary": "Register a referral (aanmelding)",
            "operationId": "createReferral",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ReferralInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "Created",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}": {
           "get": {
            "summary": "One case",
            "operationId": "getTrajectory",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/events": {
           "get": {
            "summary": "The case timeline, filtered by the access policy",
            "operationId": "listEvents",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "Events",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/Event"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/admission-check": {
           "get": {
            "summary": "The admission check: every criterion with status and reason",
            "operationId": "getAdmissionCheck",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "Check",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/AdmissionCheck"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/intake": {
           "post": {
            "summary": "Record the intake",
            "operationId": "recordIntake",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/IntakeInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/biometrics": {
           "post": {
            "summary": "Record biometric identification: done or not, the date, and the V-number confirmed, \#
        corrected or not known (AVIM only)",
            "operationId": "recordBiometrics",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/BiometricsInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/possible-registrations": {
           "get": {
            "summary": "Possible registrations of this case's person at other locations, found by the linkage check \#
        before admission: where, since when, how strong and on which fields — never the other location's data",
            "operationId": "listPossibleRegistrations",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "Possible registrations, strongest first",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/PossibleRegistration"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/duplicate-resolutions": {
           "post": {
            "summary": "Decide on a possible registration elsewhere: same person (ask that location for a transfer, \#
        or refer back; this registration stops), not the same person (a note is required; never proposed again), or, \#
        for a medium match, send it to the municipality's review queue",
            "operationId": "resolvePossibleRegistration",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/DuplicateResolutionInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/admission-decision": {
           "post": {
            "summary": "Decide on admission",
            "operationId": "decideAdmission",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/AdmissionDecisionInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/perspectives": {
           "post": {
            "summary": "Set or revise the perspective",
            "operationId": "setPerspective",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/PerspectiveInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/support-periods": {
           "post": {
            "summary": "Start a support instrument",
            "operationId": "startSupport",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/SupportInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/support-periods/{sid}/end": {
           "post": {
            "summary": "End a support instrument",
            "operationId": "endSupport",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             },
             {
              "name": "sid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/SupportEndInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/procedures": {
           "post": {
            "summary": "Submit a procedure",
            "operationId": "submitProcedure",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ProcedureInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/procedures/{pid}/decision": {
           "post": {
            "summary": "Record the decision on a procedure",
            "operationId": "decideProcedure",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             },
             {
              "name": "pid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ProcedureDecisionInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/outflow": {
           "post": {
            "summary": "Record the outflow",
            "operationId": "recordOutflow",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/OutflowInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/notes": {
           "post": {
            "summary": "Add a case note",
            "operationId": "addNote",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/NoteInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/return": {
           "post": {
            "summary": "Start a new trajectory for a person whose earlier one has ended",
            "operationId": "reopenTrajectory",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ReturnInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "Created",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/milestones": {
           "get": {
            "summary": "The case's sub-deadlines and action items on a reference date",
            "operationId": "listMilestones",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "on",
              "in": "query",
              "schema": {
               "type": "string",
               "format": "date"
              },
              "description": "Reference date (peildatum); default today"
             }
            ],
            "responses": {
             "200": {
              "description": "Milestones",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/Milestone"
                 }
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/milestones/{key}": {
           "post": {
            "summary": "Suspend, resume, extend or skip a sub-deadline (municipality)",
            "operationId": "adjustMilestone",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             },
             {
              "name": "key",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "perspective, maximumStay, review-N"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/MilestoneAdjustmentInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/reviews": {
           "post": {
            "summary": "Record that the case meeting reviewed the case (municipality)",
            "operationId": "recordReview",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ReviewInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/action-items": {
           "post": {
            "summary": "Agree an action item for a party (municipality)",
            "operationId": "assignActionItem",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ActionItemInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/action-items/{aid}/completion": {
           "post": {
            "summary": "Mark an action item done (its party or the municipality)",
            "operationId": "completeActionItem",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
              "required": true,
              "schema": {
               "type": "string"
              },
              "description": "The ETag of the case as last read; a stale one gets 409."
             },
             {
              "name": "aid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ReviewInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/locations/{lid}/deadline-policy": {
           "get": {
            "summary": "A location's sub-deadline policy",
            "operationId": "getDeadlinePolicy",
            "parameters": [
             {
              "name": "lid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "Policy",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/DeadlinePolicy"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           },
           "put": {
            "summary": "Replace a location's sub-deadline policy (its municipality)",
            "operationId": "setDeadlinePolicy",
            "parameters": [
             {
              "name": "lid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/DeadlinePolicyInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "Policy",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/DeadlinePolicy"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/locations/{lid}/progress": {
           "get": {
            "summary": "Overdue, upcoming and suspended milestones across a location, and time per stage",
            "operationId": "getProgress",
            "parameters": [
             {
              "name": "lid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "on",
              "in": "query",
              "schema": {
               "type": "string",
               "format": "date"
              },
              "description": "Reference date (peildatum); default today"
             }
            ],
            "responses": {
             "200": {
              "description": "Progress",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/meetings": {
           "get": {
            "summary": "Case meetings at the caller's locations",
            "operationId": "listMeetings",
            "responses": {
             "200": {
              "description": "Meetings",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/Meeting"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           },
           "post": {
            "summary": "Convene a case meeting; its agenda builds itself (municipality)",
            "operationId": "createMeeting",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/MeetingInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The meeting with its agenda, as the caller may see it",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Meeting"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/meetings/{mid}": {
           "get": {
            "summary": "One meeting and its agenda",
            "operationId": "getMeeting",
            "parameters": [
             {
              "name": "mid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "The meeting with its agenda, as the caller may see it",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Meeting"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/meetings/{mid}/minutes": {
           "get": {
            "summary": "The minutes: each agenda case with the decisions recorded, filtered for the caller",
            "operationId": "getMinutes",
            "parameters": [
             {
              "name": "mid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "The meeting with its agenda, as the caller may see it",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Meeting"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/meetings/{mid}/agenda": {
           "post": {
            "summary": "Put a case on the agenda (chair)",
            "operationId": "addToAgenda",
            "parameters": [
             {
              "name": "mid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/AgendaAddInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The meeting with its agenda, as the caller may see it",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Meeting"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/meetings/{mid}/agenda/refresh": {
           "post": {
            "summary": "Add cases that became pressing since the agenda was made (chair)",
            "operationId": "refreshAgenda",
            "parameters": [
             {
              "name": "mid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "The meeting with its agenda, as the caller may see it",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Meeting"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/meetings/{mid}/agenda/order": {
           "put": {
            "summary": "Set the agenda's order (chair)",
            "operationId": "orderAgenda",
            "parameters": [
             {
              "name": "mid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/AgendaOrderInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The meeting with its agenda, as the caller may see it",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Meeting"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/meetings/{mid}/cases/{id}/decision": {
           "post": {
            "summary": "Record the meeting's decision on an agenda case (chair)",
            "operationId": "recordMeetingDecision",
            "parameters": [
             {
              "name": "mid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
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
                "$ref": "#/components/schemas/MeetingDecisionInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The meeting with its agenda, as the caller may see it",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Meeting"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/action-items": {
           "get": {
            "summary": "Open action items of the caller's party at their locations",
            "operationId": "listOpenActionItems",
            "responses": {
             "200": {
              "description": "Action items",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "type": "object"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/inbox": {
           "get": {
            "summary": "What waits for the caller's organisation: its open action items, upcoming meetings, and \#
        (municipality) overdue sub-deadlines",
            "operationId": "getInbox",
            "responses": {
             "200": {
              "description": "Inbox",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "properties": {
                  "actionItems": {
                   "type": "array",
                   "items": {
                    "type": "object"
                   }
                  },
                  "meetings": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Meeting"
                   }
                  },
                  "overdue": {
                   "type": "array",
                   "items": {
                    "type": "object"
                   }
                  }
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/transfers": {
           "post": {
            "summary": "Ask another location to take the case over (NGO or municipality of the case's location)",
            "operationId": "requestTransfer",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
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
                "$ref": "#/components/schemas/TransferInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The transfer with its hand-over summary",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Transfer"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/transfers": {
           "get": {
            "summary": "Transfers from or to the caller's locations, each with its hand-over summary",
            "operationId": "listTransfers",
            "responses": {
             "200": {
              "description": "Transfers",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/Transfer"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/transfers/{tid}/decision": {
           "post": {
            "summary": "Accept (the trajectory moves with its history) or decline (NGO or municipality of the \#
        receiving location)",
            "operationId": "decideTransfer",
            "parameters": [
             {
              "name": "tid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/TransferDecisionInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The transfer with its hand-over summary",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Transfer"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/monitor": {
           "get": {
            "summary": "The national monitor on a reference date: the suppressed tables and the analyses, as the \#
        monitor page publishes them (monitor party only)",
            "operationId": "getMonitor",
            "parameters": [
             {
              "name": "referenceDate",
              "in": "query",
              "description": "Peildatum: a quarter's first day; the latest by default",
              "schema": {
               "type": "string",
               "format": "date"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "The published figures; null cells are suppressed",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Monitor"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/duplicate-reviews": {
           "get": {
            "summary": "The municipality's review queue: cases at its locations whose possible registration \#
        elsewhere was sent for review",
            "operationId": "listDuplicateReviews",
            "responses": {
             "200": {
              "description": "Cases to review",
              "content": {
               "application/json": {
                "schema": {
                 "type": "array",
                 "items": {
                  "$ref": "#/components/schemas/DuplicateReview"
                 }
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/committee-requests": {
           "post": {
            "summary": "Put the case to the hardship committee, choosing the parts of the dossier it sees (NGO or \#
        municipality)",
            "operationId": "requestCommitteeAdvice",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
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
                "$ref": "#/components/schemas/CommitteeRequestInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/committee-requests/{rid}/advice": {
           "post": {
            "summary": "The committee's advice (committee)",
            "operationId": "adviseCommittee",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "rid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
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
                "$ref": "#/components/schemas/CommitteeAdviceInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/escalations": {
           "post": {
            "summary": "Escalate the case up the ladder with a question and a proposed decision (municipality)",
            "operationId": "escalate",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
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
                "$ref": "#/components/schemas/EscalationInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             }
            }
           }
          },
          "/trajectories/{id}/escalations/{eid}/decision": {
           "post": {
            "summary": "The escalation body's decision (a member of that level)",
            "operationId": "decideEscalation",
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "eid",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "format": "uuid"
              }
             },
             {
              "name": "If-Match",
              "in": "header",
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
                "$ref": "#/components/schemas/EscalationDecisionInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The case as the caller may see it",
              "headers": {
               "ETag": {
                "schema": {
                 "type": "string"
                },
                "description": "The case's version"
               },
               "API-Version": {
                "$ref": "#/components/headers/API-Version"
               }
              },
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Case"
                }
               }
              }
             },
             "400": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "401": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "403": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "404": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "409": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
                }
               }
              }
             },
             "428": {
              "description": "Problem details",
              "content": {
               "application/problem+json": {
                "schema": {
                 "$ref": "#/components/schemas/Problem"
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
           "bearer": {
            "type": "http",
            "scheme": "bearer"
           }
          },
          "headers": {
           "API-Version": {
            "schema": {
             "type": "string"
            },
            "description": "The API's full version"
           }
          },
          "schemas": {
           "Problem": {
            "type": "object",
            "required": [
             "type",
             "title",
             "status"
            ],
            "properties": {
             "type": {
              "type": "string"
             },
             "title": {
              "type": "string"
             },
             "status": {
              "type": "integer"
             },
             "detail": {
              "type": "string"
             },
             "currentVersion": {
              "type": "integer"
             },
             "invalidParams": {
              "type": "array",
              "items": {
               "type": "object",
               "required": [
                "name",
                "code",
                "reason"
               ],
               "properties": {
                "name": {
                 "type": "string"
                },
                "code": {
                 "type": "string"
                },
                "reason": {
                 "type": "string"
                }
               }
              }
             }
            }
           },
           "Location": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string",
              "format": "uuid"
             },
             "name": {
              "type": "string"
             },
             "regionalTiesRule": {
              "type": "object"
             }
            }
           },
           "OutflowReason": {
            "type": "object",
            "properties": {
             "code": {
              "type": "string"
             },
             "category": {
              "type": "string",
              "enum": [
               "durable",
               "semiDurable",
               "none"
              ]
             },
             "label": {
              "type": "object",
              "properties": {
               "nl": {
                "type": "string"
               },
               "en": {
                "type": "string"
               }
              }
             }
            }
           },
           "CaseList": {
            "type": "object",
            "properties": {
             "items": {
              "type": "array",
              "items": {
               "type": "object"
              }
             },
             "total": {
              "type": "integer",
              "description": "Matching cases, counted up to 1001: 1001 means more than 1000."
             },
             "page": {
              "type": "integer"
             },
             "pageSize": {
              "type": "integer"
             }
            }
           },
           "Case": {
            "type": "object",
            "description": "Sections the caller may not see are absent.",
            "properties": {
             "id": {
              "type": "string",
              "format": "uuid"
             },
             "personId": {
              "type": "string",
              "format": "uuid"
             },
             "version": {
              "type": "integer"
             },
             "stage": {
              "type": "string"
             },
             "location": {
              "type": "string"
             },
             "identity": {
              "type": "object"
             },
             "biometrics": {
              "type": "object",
              "description": "The AVIM's biometric identification: identified, on, vNumberCheck, vNumber, note"
             },
             "duplicateResolutions": {
              "type": "array",
              "items": {
               "type": "object"
              },
              "description": "Decisions on possible registrations at other locations"
             },
             "admission": {
              "type": "object"
             },
             "perspectives": {
              "type": "array",
              "items": {
               "type": "object"
              }
             },
             "support": {
              "type": "array",
              "items": {
               "type": "object"
              }
             },
             "procedures": {
              "type": "array",
              "items": {
               "type": "object"
              }
             },
             "outflow": {
              "type": "object"
             },
             "notes": {
              "type": "array",
              "items": {
               "type": "object"
              }
             }
            }
           },
           "Event": {
            "type": "object",
            "properties": {
             "sequence": {
              "type": "integer"
             },
             "type": {
              "type": "string"
             },
             "effectiveOn": {
              "type": "string",
              "format": "date",
              "example": "2026-03-01"
             },
             "recordedAt": {
              "type": "string",
              "format": "date-time"
             },
             "user": {
              "type": "string"
             },
             "organisation": {
              "type": "string"
             },
             "party": {
              "type": "string"
             },
             "change": {
              "type": "object"
             }
            }
           },
           "AdmissionCheck": {
            "type": "object",
            "properties": {
             "verdict": {
              "type": "string",
              "enum": [
               "eligible",
               "needsCaseMeeting",
               "notEligible"
              ]
             },
             "criteria": {
              "type": "array",
              "items": {
               "type": "object"
              }
             },
             "flags": {
              "type": "array",
              "items": {
               "type": "object"
              }
             }
            }
           },
           "Identity": {
            "type": "object",
            "required": [
             "surname",
             "nationality",
             "gender"
            ],
            "properties": {
             "givenNames": {
              "type": "string"
             },
             "surname": {
              "type": "string"
             },
             "aliases": {
              "type": "string",
              "description": "Comma-separated"
             },
             "birthDate": {
              "type": "string",
              "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
              "description": "YYYY, YYYY-MM or YYYY-MM-DD"
             },
             "nationality": {
              "type": "string",
              "description": "ISO 3166-1 alpha-3, XXA stateless, XXX unknown"
             },
             "gender": {
              "type": "string",
              "enum": [
               "female",
               "male",
               "other",
               "unknown"
              ]
             },
             "vNumber": {
              "type": "string",
              "pattern": "^\\d{10}$"
             }
            }
           },
           "Monitor": {
            "type": "object",
            "additionalProperties": false,
            "required": [
             "peildatum",
             "k",
             "locations",
             "medianDaysToOutflow",
             "tables"
            ],
            "properties": {
             "peildatum": {
              "type": "string",
              "format": "date"
             },
             "k": {
              "type": "integer",
              "minimum": 1
             },
             "locations": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "medianDaysToOutflow": {
              "type": "object",
              "additionalProperties": {
               "type": "integer",
               "nullable": true
              }
             },
             "tables": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/MonitorTable"
              }
             },
             "analyses": {
              "$ref": "#/components/schemas/MonitorAnalyses"
             }
            }
           },
           "MonitorTable": {
            "type": "object",
            "additionalProperties": false,
            "required": [
             "id",
             "title",
             "rows",
             "columns",
             "cells"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "title": {
              "type": "string"
             },
             "rows": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "columns": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "cells": {
              "type": "array",
              "items": {
               "type": "array",
               "items": {
                "type": "integer",
                "nullable": true
               }
              }
             }
            }
           },
           "MonitorAnalyses": {
            "type": "object",
            "additionalProperties": false,
            "required": [
             "solution",
             "durable",
             "incidence",
             "trajectories",
             "outflows"
            ],
            "properties": {
             "solution": {
              "$ref": "#/components/schemas/MonitorModel"
             },
             "durable": {
              "$ref": "#/components/schemas/MonitorModel"
             },
             "stay": {
              "$ref": "#/components/schemas/MonitorCurve"
             },
             "incidence": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/MonitorCurve"
              }
             },
             "curveRefusal": {
              "type": "string"
             },
             "medianDays": {
              "type": "number"
             },
             "trajectories": {
              "type": "integer"
             },
             "outflows": {
              "type": "integer"
             }
            }
           },
           "MonitorModel": {
            "type": "object",
            "additionalProperties": false,
            "required": [
             "title",
             "variables",
             "references",
             "merged",
             "warnings"
            ],
            "properties": {
             "title": {
              "type": "string"
             },
             "refusal": {
              "type": "string"
             },
             "variables": {
              "type": "array",
              "items": {
               "type": "object",
               "additionalProperties": false,
               "required": [
                "name",
                "label",
                "oddsRatio",
                "lower",
                "upper",
                "pValue"
               ],
               "properties": {
                "name": {
                 "type": "string"
                },
                "label": {
                 "type": "string"
                },
                "oddsRatio": {
                 "type": "number"
                },
                "lower": {
                 "type": "number"
                },
                "upper": {
                 "type": "number"
                },
                "pValue": {
                 "type": "number"
                }
               }
              }
             },
             "references": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "merged": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "n": {
              "type": "integer"
             },
             "events": {
              "type": "integer"
             },
             "logLikelihood": {
              "type": "number"
             },
             "nullLogLikelihood": {
              "type": "number"
             },
             "mcFaddenR2": {
              "type": "number"
             },
             "warnings": {
              "type": "array",
              "items": {
               "type": "string"
              }
             }
            }
           },
           "MonitorCurve": {
            "type": "object",
            "additionalProperties": false,
            "required": [
             "label",
             "points"
            ],
            "properties": {
             "label": {
              "type": "string"
             },
             "points": {
              "type": "array",
              "items": {
               "type": "object",
               "additionalProperties": false,
               "required": [
                "months",
                "value",
                "lower",
                "upper",
                "atRisk"
               ],
               "properties": {
                "months": {
                 "type": "integer"
                },
                "value": {
                 "type": "number"
                },
                "lower": {
                 "type": "number"
                },
                "upper": {
                 "type": "number"
                },
                "atRisk": {
                 "type": "integer"
                }
               }
              }
             }
            }
           },
           "Milestone": {
            "type": "object",
            "properties": {
             "key": {
              "type": "string"
             },
             "kind": {
              "type": "string",
              "enum": [
               "perspective",
               "review",
               "maximumStay",
               "actionItem"
              ]
             },
             "title": {
              "type": "string"
             },
             "plannedOn": {
              "type": "string",
              "format": "date"
             },
             "dueOn": {
              "type": "string",
              "format": "date"
             },
             "state": {
              "type": "string",
              "enum": [
               "scheduled",
               "met",
               "overdue",
               "suspended",
               "extended",
               "skipped"
              ]
             },
             "metOn": {
              "type": "string",
              "format": "date"
             },
             "reason": {
              "type": "string"
             },
             "party": {
              "type": "string"
             }
            }
           },
           "DeadlinePolicy": {
            "type": "object",
            "description": "Absent fields: no such deadline.",
            "properties": {
             "perspectiveWithinWeeks": {
              "type": "integer",
              "minimum": 1
             },
             "reviewEveryWeeks": {
              "type": "integer",
              "minimum": 1
             },
             "maximumStayMonths": {
              "type": "integer",
              "minimum": 1
             }
            }
           },
           "Meeting": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string",
              "format": "uuid"
             },
             "locationId": {
              "type": "string",
              "format": "uuid"
             },
             "heldOn": {
              "type": "string",
              "format": "date"
             },
             "chair": {
              "type": "string"
             },
             "partiesPresent": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "agenda": {
              "type": "array",
              "items": {
               "type": "object",
               "properties": {
                "trajectoryId": {
                 "type": "string",
                 "format": "uuid"
                },
                "name": {
                 "type": "string"
                },
                "stage": {
                 "type": "string"
                },
                "reasons": {
                 "type": "array",
                 "items": {
                  "type": "string",
                  "enum": [
                   "awaitingDecision",
                   "admissionException",
                   "overdueMilestone",
                   "reviewDue",
                   "actionItemDue",
                   "committeeAdvised",
                   "escalationReturned",
                   "addedByChair"
                  ]
                 }
                },
                "decisions": {
                 "type": "array",
                 "items": {
                  "type": "object"
                 }
                }
               }
              }
             }
            }
           },
           "Transfer": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string",
              "format": "uuid"
             },
             "trajectoryId": {
              "type": "string",
              "format": "uuid"
             },
             "fromLocationId": {
              "type": "string",
              "format": "uuid"
             },
             "toLocationId": {
              "type": "string",
              "format": "uuid"
             },
             "status": {
              "type": "string",
              "enum": [
               "pending",
               "accepted",
               "declined"
              ]
             },
             "reason": {
              "type": "string"
             },
             "requestedOn": {
              "type": "string"
             },
             "decidedOn": {
              "type": "string"
             },
             "note": {
              "type": "string"
             },
             "askedByReceiver": {
              "type": "boolean",
              "description": "Asked for by the receiving location after the intake's linkage check; the current \#
        location decides."
             },
             "summary": {
              "type": "object",
              "description": "The hand-over summary; absent for a receiving location that asked, until the current \#
        location accepted."
             }
            }
           },
           "PossibleRegistration": {
            "type": "object",
            "properties": {
             "entryId": {
              "type": "string",
              "format": "uuid",
              "description": "The other registration's entry in the linkage index; what a decision refers to"
             },
             "locationId": {
              "type": "string",
              "format": "uuid"
             },
             "location": {
              "type": "string"
             },
             "stage": {
              "type": "string"
             },
             "since": {
              "type": "string",
              "format": "date",
              "description": "Referred on, or admitted on when active"
             },
             "strength": {
              "type": "string",
              "enum": [
               "high",
               "medium"
              ]
             },
             "agreeingFields": {
              "type": "array",
              "items": {
               "type": "string",
               "enum": [
                "givenName",
                "surname",
                "vNumber",
                "birthYear",
                "birthMonth",
                "birthDay",
                "gender",
                "nationality"
               ]
              }
             },
             "inReview": {
              "type": "boolean",
              "description": "Sent to the municipality and not yet decided"
             }
            }
           },
           "DuplicateReview": {
            "type": "object",
            "properties": {
             "trajectoryId": {
              "type": "string",
              "format": "uuid"
             },
             "name": {
              "type": "string"
             },
             "location": {
              "type": "string"
             },
             "strength": {
              "type": "string",
              "enum": [
               "high",
               "medium"
              ]
             },
             "sentOn": {
              "type": "string",
              "format": "date"
             }
            }
           }
          }
         }
        }
        """#
}
