"""The thin layer between the pages and ``assessment``: every page calls the store through
the functions here, never directly.

They live in modules by what they do, and are all importable from here:

- ``store_access``: the one store of the process, the open assessment (each session its own
  copy), reading helpers;
- ``saving``: every change, saved at once with the version the page was showing, so nobody
  overwrites another person's work unnoticed; a failure becomes a message, never a traceback;
- ``new_assessments``: a checked pack upload, a new assessment, an import, the demo;
- ``pdf``: the report, rendered once per version and kept for the download;
- ``workshop_actions``: the workshop pages' actions;
- ``exchange_services``: the workbook, the plan as files, the comparison and the next cycle.
"""

from __future__ import annotations

from ui.exchange_services import (
    WorkbookCheck,
    check_workbook,
    comparable,
    comparison,
    import_assessment,
    plan_csv,
    plan_ics,
    replace_assessment,
    start_next_cycle,
    workbook_bytes,
)
from ui.new_assessments import (
    PackCheck,
    check_pack_upload,
    create_assessment,
    demo_id,
    import_upload,
)
from ui.pdf import _pdf, _votes, pdf_bytes, prepare_pdf, report_available
from ui.saving import (
    add_evidence,
    delete_evidence,
    erase_file,
    link_evidence,
    restore,
    set_supports,
    update_actions,
    update_details,
    update_response,
)
from ui.store_access import (
    MAX_IMPORT_MB,
    MIB,
    Opened,
    Ref,
    _opened,
    accepted_extensions,
    current,
    export_ikmz,
    file_bytes,
    file_stem,
    has_file,
    history,
    max_import_mb,
    max_upload_mb,
    overview,
    pack_title,
    packs,
    store,
)
from ui.workshop_actions import (
    agree,
    agreed_level,
    cast_vote,
    close_voting,
    close_workshop,
    earlier_workshops,
    join_workshop,
    open_voting,
    open_workshop,
    participant_names,
    participant_screen,
    show_criterion,
    start_workshop,
    vote_count,
    vote_summary,
    workshop,
)

__all__ = [
    "MAX_IMPORT_MB",
    "MIB",
    "Opened",
    "PackCheck",
    "Ref",
    "WorkbookCheck",
    "_opened",
    "_pdf",
    "_votes",
    "accepted_extensions",
    "add_evidence",
    "agree",
    "agreed_level",
    "cast_vote",
    "check_pack_upload",
    "check_workbook",
    "close_voting",
    "close_workshop",
    "comparable",
    "comparison",
    "create_assessment",
    "current",
    "delete_evidence",
    "demo_id",
    "earlier_workshops",
    "erase_file",
    "export_ikmz",
    "file_bytes",
    "file_stem",
    "has_file",
    "history",
    "import_assessment",
    "import_upload",
    "join_workshop",
    "link_evidence",
    "max_import_mb",
    "max_upload_mb",
    "open_voting",
    "open_workshop",
    "overview",
    "pack_title",
    "packs",
    "participant_names",
    "participant_screen",
    "pdf_bytes",
    "plan_csv",
    "plan_ics",
    "prepare_pdf",
    "replace_assessment",
    "report_available",
    "restore",
    "set_supports",
    "show_criterion",
    "start_next_cycle",
    "start_workshop",
    "store",
    "update_actions",
    "update_details",
    "update_response",
    "vote_count",
    "vote_summary",
    "workbook_bytes",
    "workshop",
]
