// statement 1
MATCH (n:Program)

WITH n, COUNT { (n)-[:ACHIEVED]->() } AS outcomes
ORDER BY outcomes DESC, n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program', walked: {w0: COLLECT { MATCH (n)-[n_0_r:ACHIEVED]->(n_0:Outcome) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Outcome'} },
    w1: COLLECT { MATCH (n)-[n_1_r:IMPLEMENTED_IN]->(n_1:Region) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Region'} }}} AS node
ORDER BY outcomes DESC, n.name, n.id
// params
{
  "limit": "int(11)",
  "n_0_limit": "int(21)",
  "n_0_offset": "int(0)",
  "n_1_limit": "int(21)",
  "n_1_offset": "int(0)",
  "offset": "int(0)"
}
