-- Indexes for the reporting screens at the scale of a county over many years (millions of reports):
-- an item's lines (the lines page, an item's progress), and the reports waiting for review.
create index assignment_item_idx on assignment (item_id);
create index progress_report_submitted_idx on progress_report (item_id) where state = 'SUBMITTED';
