// statement 1
MATCH (r:Region) WHERE r.name = $name OR r.code = $name OR r.id = $name OR r.code = $code
WITH collect(r.id) AS named
RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $name IN r.aliases RETURN r.id } END AS ids
// params
{
  "code": null,
  "name": "13"
}

// statement 2
MATCH (root:Region) WHERE root.id IN $within
MATCH (place:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT place WHERE place.level IN $levels
MATCH (n:Outcome)-[:IN_REGION]->(place:Region)
WITH DISTINCT n
WHERE (n.indicator IN $indicators)
  AND (EXISTS { MATCH (p:Program)-[:ACHIEVED]->(n) WHERE p.id = $program OR p.name = $program })
  AND (coalesce(n.status, 'ACHIEVED') IN $statuses)
  AND (EXISTS { MATCH (art:Article)-[:MENTIONS]->(n) WHERE ($since IS NULL OR art.date >= $since) AND ($until IS NULL OR art.date <= $until) })
WITH n, coalesce(abs(n.changePercent),
        CASE WHEN n.beforeValue > 0 AND n.afterValue IS NOT NULL AND n.beforeUnit = n.afterUnit THEN abs(n.afterValue - n.beforeValue) * 100.0 / n.beforeValue END,
        -1.0) AS improvement
ORDER BY improvement DESC, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Outcome', evidenceArticles: [(evidenceArticle:Article)-[:MENTIONS]->(n) | evidenceArticle {.*, label: 'Article'}]} AS node
ORDER BY improvement DESC, n.id
// params
{
  "indicators": [
    "APPROVAL_TIME"
  ],
  "levels": [
    "CITY"
  ],
  "limit": "int(21)",
  "offset": "int(0)",
  "program": "三证齐发",
  "since": "2024-01-01",
  "statuses": [
    "TARGET"
  ],
  "until": null,
  "within": [
    "region:13"
  ]
}
