// statement 1
MATCH (n:Official)
WHERE (EXISTS { MATCH (n)-[:HOLDS]->()-[:LOCATED_IN*0..1]->(place:Region) WHERE place.level IN $levels })
  AND (EXISTS { MATCH (n)-[:HOLDS]->(a:Agency) WHERE (a.name = $holdsAt OR a.code = $holdsAt OR a.id = $holdsAt OR $holdsAt IN a.aliases) })
  AND (EXISTS { MATCH (n)-[h:HOLDS]->() WHERE h.title CONTAINS $title })
  AND ((n.name CONTAINS $name OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $name)))
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Official'} AS node
ORDER BY n.name, n.id
// params
{
  "holdsAt": "石家庄市人民政府",
  "levels": [
    "CITY"
  ],
  "limit": "int(21)",
  "name": "王",
  "offset": "int(0)",
  "title": "市长"
}
