-- Indexes for the reporting screens at the scale of a county over many years (millions of reports):
-- an item's lines (the lines page, an item's progress), the reports waiting for review, the evidence worklist.
create index assignment_item_idx on assignment (item_id);
create index progress_report_submitted_idx on progress_report (item_id) where state = 'SUBMITTED';
-- the inspectors' worklist: newest files first, by how they were checked
create index evidence_verification_idx on evidence (verification, uploaded_at desc);
create index evidence_uploaded_idx on evidence (uploaded_at desc);
