-- Inputs refused, by stage and reason, over every run.
select
    stage,
    reason,
    count(*) as n_rejects
from rejects
group by stage, reason
order by n_rejects desc, stage, reason
limit $n_reasons;
