"""The served OpenAPI document is valid OpenAPI 3, checked by an independent validator."""
import json
import urllib.request

from openapi_spec_validator import validate


def test_served_document_is_valid_openapi(koers):
    with urllib.request.urlopen(koers["base"] + "/api/v1/openapi.json") as response:
        assert response.headers["Content-Type"] == "application/json"
        assert response.headers["API-Version"] == "1.0.0"
        document = json.load(response)
    validate(document)
    assert document["servers"] == [{"url": "/api/v1"}]
