"""--format junit: JUnit XML, one test suite per document, one failing test case per finding
(a document without findings is one passing test case), for CI systems that show test reports."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from factcheck.findings import Result
from factcheck.report import locate


def render(results: list[Result]) -> str:
    root = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for result in results:
        located = locate(result)
        suite = ET.SubElement(root, "testsuite", name=result.document.path, tests=str(max(1, len(located))),
                              failures=str(len(located)), errors="0")
        if not located:
            ET.SubElement(suite, "testcase", name="no findings", classname=result.document.path)
        for loc in located:
            f = loc.finding
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.rule} at {loc.line}:{loc.column}",
                                 classname=result.document.path, file=result.document.path, line=str(loc.line))
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            failure.text = "\n".join(e.text + (f" (source: {e.source})" if e.source else "") for e in f.evidence)
        total += max(1, len(located))
        failures += len(located)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
