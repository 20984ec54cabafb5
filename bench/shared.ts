/**
 * What the query benches (bench/query.ts, bench/peer.ts) share: the HTTP client they time,
 * percentiles, and the headline answered by one hand-written Cypher statement.
 */
import http from 'node:http';

/**
 * The headline's answer in one statement, as someone fluent in Cypher would write it: the same
 * programs, regions with parents and evidence, agencies, outcomes with indicator, region and
 * evidence with article titles and dates.
 */
export const HEADLINE_CYPHER = `
MATCH (root:Region) WHERE root.name = $within
MATCH (p:Program)
WHERE EXISTS { MATCH (p)-[:IMPLEMENTED_IN]->(place:Region)-[:PART_OF*0..]->(root) WHERE place.level IN $levels }
  AND EXISTS { MATCH (p)-[:ACHIEVED]->(:Outcome)-[:MEASURES]->(:Indicator {name: $indicator}) }
WITH p ORDER BY p.name, p.id LIMIT 20
RETURN p.id AS id, p.name AS name, p.kind AS kind,
  COLLECT { MATCH (p)-[r:IMPLEMENTED_IN]->(g:Region) OPTIONAL MATCH (g)-[:PART_OF]->(up:Region)
            RETURN {name: g.name, level: g.level, parent: up.name, evidence: r.sentences} } AS regions,
  COLLECT { MATCH (p)-[:RUN_BY]->(a:Agency) RETURN a.name } AS agencies,
  COLLECT { MATCH (p)-[:ACHIEVED]->(o:Outcome)-[:MEASURES]->(i:Indicator) OPTIONAL MATCH (o)-[:IN_REGION]->(og:Region)
            RETURN {subject: o.subject, indicator: i.name, before: o.beforeText, after: o.afterText, change: o.changeText,
                    region: og.name, evidence: [k IN range(0, size(o.articles) - 1) |
                      {sentence: o.sentences[k], article: COLLECT { MATCH (art:Article {id: o.articles[k]}) RETURN {title: art.title, date: art.date} }[0]}]} } AS outcomes`;

export const HEADLINE_PARAMS = { within: '河北省', levels: ['DISTRICT', 'COUNTY', 'ZONE'], indicator: 'APPROVAL_TIME' };

/**
 * A POST over node:http with a keep-alive agent: the client a service would use to call another
 * (undici's fetch costs about a millisecond more per call on this machine, client side).
 */
export function postWithNodeHttp(agent: http.Agent, url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The p-th percentile (nearest rank) of some timings. */
export const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
