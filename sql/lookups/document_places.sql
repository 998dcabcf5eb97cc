-- Where each stored document's bytes are in the landing zone (WARC file and offset).
select raw_location, raw_offset
from documents
where raw_offset is not null;
