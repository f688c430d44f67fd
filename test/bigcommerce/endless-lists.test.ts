// A list that would never end is an error, not a loop that fills memory: a server that ignores `page`
// repeats ids, and one that always answers a full page of new ids runs into request.maxPages. The
// servers here end their list after RELIEF pages, so a client without the bounds finishes (and fails
// the test) instead of hanging.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { PAGE_LIMIT } from '../../src/bigcommerce/groups.js';
import { DEFAULT_CONFIG } from '../../src/config/index.js';
import { ApiError } from '../../src/errors.js';
import { openProject, RETAIL } from '../support/cli.js';
import { answerJson, catchError, wireGroup, withLocalServer, type Handler } from '../support/local-server.js';
import { seedGroups } from '../support/sandbox.js';

const RELIEF = 40;

/** Pages of `pageOf(page)` until RELIEF requests, then the end of the list; a POST fails with a 500. */
function endlessServer(pageOf: (page: number) => number[]): Handler {
  let served = 0;
  return (request, response, url) => {
    if (request.method === 'POST') return answerJson(response, 500, [{ status: 500, message: 'Internal error' }]);
    served += 1;
    if (served > RELIEF) return void response.writeHead(204).end();
    answerJson(
      response,
      200,
      pageOf(Number(url.searchParams.get('page'))).map((id) => wireGroup(id)),
    );
  };
}

const FULL_PAGE = Array.from({ length: PAGE_LIMIT }, (_, index) => index + 1);

async function listFailure(handler: Handler, maxPages?: number) {
  return withLocalServer(handler, async (server) => {
    const client = createClient({
      apiUrl: server.origin,
      storeHash: 'abc',
      token: 'tok-endless-0123456789',
      retryBaseMs: 1,
      ...(maxPages ? { maxPages } : {}),
    });
    const error = await catchError(client.listGroups());
    // The count asked after a full first page is not a page; these servers answer it with a page, which is no count.
    return { error, requests: server.requests.filter((request) => !request.includes('/count')).length };
  });
}

test('a server that ignores page (the same full page again) is stopped at the second page', async () => {
  const { error, requests } = await listFailure(endlessServer(() => FULL_PAGE));
  assert.instance(error, ApiError, String(error));
  assert.match(
    String(error),
    /customer_groups\?page=2&limit=250 answered id 1 already on page 1: the server does not page as documented/,
  );
  assert.is(requests, 2);
});

test('a page that lists an id twice is refused', async () => {
  const { error } = await listFailure(endlessServer(() => [1, 2, 3, 2]));
  assert.match(String(error), /page=1&limit=250 answered id 2 twice on that page/);
});

test('a list that always answers a full page of new ids ends at request.maxPages with a clear error', async () => {
  const { error, requests } = await listFailure(
    endlessServer((page) => FULL_PAGE.map((id) => (page - 1) * PAGE_LIMIT + id)),
    5,
  );
  assert.instance(error, ApiError, String(error));
  assert.match(String(error), 'the list did not end after 5 pages (request.maxPages)');
  assert.match(String(error), 'raise request.maxPages');
  assert.is(requests, 5);
});

test('the look-up by name after an ambiguous create is bounded too', () =>
  withLocalServer(
    endlessServer(() => FULL_PAGE),
    async (server) => {
      const client = createClient({
        apiUrl: server.origin,
        storeHash: 'abc',
        token: 'tok-endless-0123456789',
        retryBaseMs: 1,
      });
      const error = await catchError(client.createGroup({ name: 'Group 1' }));
      assert.instance(error, ApiError, String(error));
      assert.match(String(error), /customer_groups\?name=Group\+1&page=2&limit=250 answered id 1 already on page 1/);
      assert.equal(server.requests.filter((request) => request.startsWith('POST')).length, 1);
    },
  ));

test('request.maxPages defaults to 1000, and the config value reaches the client', async () => {
  assert.is(DEFAULT_CONFIG.request.maxPages, 1000);
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed: seedGroups(600) });
  try {
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), JSON.stringify({ request: { maxPages: 2 } }));
    const { code, err } = await project.run('plan');
    assert.is(code, 1);
    // The count says 3 pages, so the list is refused before its second page.
    assert.match(err, 'holds 600 items in 3 pages, more than request.maxPages (2)');
    assert.match(err, 'raise request.maxPages');
    assert.equal(
      project.sandbox.log.map((entry) => entry.path.replace(/^.*\/customer_groups/, '')),
      ['?page=1&limit=250', '/count'],
    );
  } finally {
    await project.close();
  }
});

test.run();
