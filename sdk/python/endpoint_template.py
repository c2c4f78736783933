"""Write openapi-python-client's endpoint template, taken from the installed generator, with its choice
of a request body's media type fixed, into the folder given (scripts/sdk passes it as
--custom-template-path). Only the lines below are ours; the rest of the template is the generator's.

Why: the generator picks a body by its Python type, and every file body (CSV, TSV, NDJSON, gzip) is a
File, so all were sent as whichever came last; a JSON union raised TypeError in `isinstance`
(openapi-python-client issue 1276). Here a File is sent as its `mime_type` says, a union is tested
member by member, and a body that fits none is refused.
"""

import sys
from importlib.resources import files
from pathlib import Path

NAME = "endpoint_module.py.jinja"

# The generator's line that chooses a body (one `if` per media type).
CHOICE = "    if isinstance(body, {{body.prop.get_type_string(no_optional=True) | as_unembedded_code }}):\n"
OUR_CHOICE = """\
{% if body.body_type == "content" and body.prop.template == "file_property.py.jinja" %}
{% set condition = "isinstance(body, File) and body.mime_type == \\""
    ~ (body.content_type | in_double_quote_literal) ~ "\\"" %}
{% elif body.prop.inner_properties is defined %}
{% set members = [] %}
{% for inner in body.prop.inner_properties %}
{% set _ = members.append(inner.get_instance_type_string() | as_unembedded_code) %}
{% endfor %}
{% set condition = "isinstance(body, " ~ (members | join(" | ")) ~ ")" %}
{% else %}
{% set condition = "isinstance(body, " ~ (body.prop.get_instance_type_string() | as_unembedded_code) ~ ")" %}
{% endif %}
    {{ "if" if loop.first else "elif" }} {{ condition }}:
"""
# Where the loop over several bodies ends: ours adds the refusal.
LOOP_END = "{% endfor %}\n{% elif endpoint.bodies | length == 1 %}\n"
OUR_LOOP_END = """\
{% endfor %}
    else:
        raise TypeError(
            "body: one of {{ endpoint.bodies | map(attribute="content_type")
                | map("in_double_quote_literal") | join(", ") }} "
            "(a File of that mime_type, or the JSON body)"
        )
{% elif endpoint.bodies | length == 1 %}
"""


def patched(template: str) -> str:
    for anchor in (CHOICE, LOOP_END):
        if template.count(anchor) != 1:
            raise SystemExit(
                f"sdk: openapi-python-client's {NAME} changed (looked for {anchor!r} once): "
                "update sdk/python/endpoint_template.py"
            )
    return template.replace(CHOICE, OUR_CHOICE).replace(LOOP_END, OUR_LOOP_END)


def main() -> None:
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    original = files("openapi_python_client").joinpath("templates", NAME).read_text(encoding="utf-8")
    (folder / NAME).write_text(patched(original), encoding="utf-8")


if __name__ == "__main__":
    main()
