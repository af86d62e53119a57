"""Writes schemas.json and resource-types.json for scim2-server: the RFC 7643 defaults plus the
kiosk's FIDO2 extension from Assets/scim/fido2-credential-schema.json, attached to User.
Usage: python prepare_schemas.py SCHEMA_FILE OUTPUT_DIRECTORY"""
import importlib.resources
import json
import sys

schema_file, out = sys.argv[1], sys.argv[2]
resources = importlib.resources.files("scim2_server") / "resources"
schemas = json.loads((resources / "default-schemas.json").read_text())
resource_types = json.loads((resources / "default-resource-types.json").read_text())
extension = json.load(open(schema_file, encoding="utf-8"))
extension.pop("meta", None)
schemas.append(extension)
for resource_type in resource_types:
    if resource_type["id"] == "User":
        resource_type["schemaExtensions"].append({"schema": extension["id"], "required": False})
json.dump(schemas, open(f"{out}/schemas.json", "w"), indent=1)
json.dump(resource_types, open(f"{out}/resource-types.json", "w"), indent=1)
