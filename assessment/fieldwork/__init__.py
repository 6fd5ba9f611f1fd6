"""Fieldwork: the organisation's complaint register and a reviewed sample of its case files.

- :mod:`.reading`: reads a register (CSV or XLSX), keeping only the mapped columns;
- :mod:`.analysis`: the register's figures (terms met, open, overdue, per month and group);
- :mod:`.sampling`: a seeded, reproducible sample of complaints, optionally stratified;
- :mod:`.filereview`: the reviewer's answers per file, conformity with a Wilson interval;
- :mod:`.record`: what the assessment file keeps of all this (its ``fieldwork`` field);
- :mod:`.evidence`: the figures turned into evidence items, and the packs' conformity rule.

Personal data never enters: every column that is not mapped is dropped while reading.
"""
