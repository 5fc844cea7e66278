/**
 * Plan tasks over HTTP with access control on (embedded): a ward operator posts progress with a
 * photo (multipart), the ward's leader reads the update and downloads the photo byte for byte;
 * the leader and operator of another ward are refused the task and its file (403, audited);
 * overdue is computed; bad uploads are refused with the one error shape and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskDetailSchema, taskListResponse, taskViewSchema } from '@ioc/contracts';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD = '20275'; // An Hải, Đà Nẵng
const OTHER_WARD = '20314'; // Hải Châu, Đà Nẵng

/** A real (tiny) PNG: signature, IHDR of a 1×1 image, IEND. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('plan tasks over HTTP (embedded, access control on)', () => {
  let platform: TestPlatform;
  let operator = '';
  let leader = '';
  let otherLeader = '';
  let otherOperator = '';
  let taskId = '';

  const api = (method: string, path: string, token: string, body?: unknown) =>
    callApi(platform.httpUrl, method, path, token, body);
  const usernameOf = async (token: string) =>
    ((await api('GET', '/api/v1/auth/me', token)).body as { username: string }).username;
  const postForm = async (token: string, id: string, form: FormData) => {
    const res = await fetch(`${platform.httpUrl}/api/v1/tasks/${id}/progress`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const form = (
    fields: Record<string, string>,
    files: { name: string; data: Buffer; type: string }[],
  ) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    for (const file of files)
      f.append('evidence', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
    return f;
  };
  const createTask = async (body: Record<string, unknown>) => {
    const r = await api('POST', '/api/v1/tasks', platform.adminToken, {
      leadUnitCode: WARD,
      recurring: false,
      relatedIndicators: [],
      ...body,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return taskViewSchema.parse(r.body);
  };
  const evidenceRows = async (id: string) =>
    Number(
      (
        await platform.ctx.pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM task_evidence WHERE task_id = $1',
          [id],
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    platform = await startTestPlatform();
    operator = await platform.loginAs('ward_operator', [WARD]);
    leader = await platform.loginAs('ward_leader', [WARD]);
    otherLeader = await platform.loginAs('ward_leader', [OTHER_WARD]);
    otherOperator = await platform.loginAs('ward_operator', [OTHER_WARD]);
    taskId = (
      await createTask({ titleVi: 'Lắp camera giám sát chợ An Hải', dueDate: '2099-12-31' })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('lets the ward operator post progress with a photo, and the ward leader see and download it', async () => {
    const posted = await postForm(
      operator,
      taskId,
      form({ progress: '40', note: 'Đã lắp 2/5 camera' }, [
        { name: 'chợ-an-hải.png', data: PNG, type: 'image/png' },
      ]),
    );
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);

    const read = await api('GET', `/api/v1/tasks/${taskId}`, leader);
    expect(read.status).toBe(200);
    const detail = taskDetailSchema.parse(read.body);
    expect(detail).toMatchObject({ status: 'in_progress', progress: 40, leadUnitCode: WARD });
    const update = detail.updates[0];
    expect(update).toMatchObject({ actor: await usernameOf(operator), note: 'Đã lắp 2/5 camera' });
    expect(update?.evidence).toHaveLength(1);
    const file = update?.evidence[0];
    expect(file).toMatchObject({
      filename: 'chợ-an-hải.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });

    const res = await fetch(`${platform.httpUrl}${file?.url}`, {
      headers: { authorization: `Bearer ${leader}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);

    // The ward's list shows it; the leader may read but not work the task.
    const list = taskListResponse.parse(
      (await api('GET', `/api/v1/tasks?unit=${WARD}`, leader)).body,
    );
    expect(list.items.find((t) => t.id === taskId)?.lastUpdateAt).not.toBeNull();
    const leaderPost = await api('POST', `/api/v1/tasks/${taskId}/progress`, leader, {
      progress: 50,
    });
    expect(leaderPost).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ROLE' } } });
  });

  it("refuses another ward's leader and operator the task and its file, and audits it", async () => {
    const detail = taskDetailSchema.parse(
      (await api('GET', `/api/v1/tasks/${taskId}`, leader)).body,
    );
    const fileUrl = detail.updates[0]?.evidence[0]?.url ?? '';
    expect(fileUrl).not.toBe('');
    for (const token of [otherLeader, otherOperator]) {
      const actor = await usernameOf(token);
      const task = await api('GET', `/api/v1/tasks/${taskId}`, token);
      expect(task).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_SCOPE' } } });
      const res = await fetch(`${platform.httpUrl}${fileUrl}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'FORBIDDEN_SCOPE',
      );
      const list = await api('GET', `/api/v1/tasks?unit=${WARD}`, token);
      expect(list.status).toBe(403);
      const { rows } = await platform.ctx.pool.query<{ target_id: string; unit_code: string }>(
        `SELECT target_id, unit_code FROM audit_log WHERE action = 'access.denied' AND actor = $1 ORDER BY id`,
        [actor],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { target_id: 'GET /api/v1/tasks/:id', unit_code: WARD },
          { target_id: 'GET /api/v1/tasks/:id/evidence/:evidenceId', unit_code: WARD },
          { target_id: 'GET /api/v1/tasks', unit_code: WARD },
        ]),
      );
    }
    // Nor may the other ward's operator post progress on it.
    const post = await postForm(otherOperator, taskId, form({ progress: '90' }, []));
    expect(post).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_SCOPE' } } });
  });

  it('computes overdue for a task past its due date that is not done', async () => {
    const late = await createTask({ titleVi: 'Báo cáo quý III', dueDate: '2025-09-30' });
    expect(late.status).toBe('overdue');
    const overdue = taskListResponse.parse(
      (await api('GET', `/api/v1/tasks?unit=${WARD}&status=overdue`, leader)).body,
    );
    expect(overdue.items.map((t) => t.id)).toContain(late.id);
    expect(overdue.items.map((t) => t.id)).not.toContain(taskId);
    expect(overdue.counts.byStatus.overdue).toBe(overdue.items.length);
    const done = await api('POST', `/api/v1/tasks/${late.id}/progress`, operator, {
      progress: 100,
      note: 'Đã gửi',
    });
    expect(done.status).toBe(201);
    expect(taskDetailSchema.parse(done.body).status).toBe('done');
  });

  it('refuses a file too big or not what it claims, with the one error shape, storing nothing', async () => {
    const before = taskDetailSchema.parse(
      (await api('GET', `/api/v1/tasks/${taskId}`, leader)).body,
    );
    const stored = await evidenceRows(taskId);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const fake = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
    const cases = [
      { files: [{ name: 'big.png', data: big, type: 'image/png' }], code: 'EVIDENCE_TOO_LARGE' },
      { files: [{ name: 'anh.png', data: fake, type: 'image/png' }], code: 'EVIDENCE_TYPE' },
      {
        files: [
          { name: 'ok.png', data: PNG, type: 'image/png' },
          { name: 'x.pdf', data: Buffer.from('MZ\x90\x00'), type: 'application/pdf' },
        ],
        code: 'EVIDENCE_TYPE',
      },
      {
        files: Array.from({ length: 6 }, (_, i) => ({
          name: `${i}.png`,
          data: PNG,
          type: 'image/png',
        })),
        code: 'EVIDENCE_TOO_MANY',
      },
    ];
    for (const c of cases) {
      const r = await postForm(operator, taskId, form({ progress: '60', note: 'thử' }, c.files));
      expect(r, c.code).toMatchObject({
        status: 400,
        body: { error: { code: c.code, message: expect.any(String) as unknown } },
      });
      expect(
        (r.body as { error: { details: { issues: unknown[] } } }).error.details.issues.length,
      ).toBeGreaterThan(0);
    }
    const bad = await postForm(operator, taskId, form({ progress: '140' }, []));
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'TASK_PROGRESS_INVALID' } } });
    const after = taskDetailSchema.parse(
      (await api('GET', `/api/v1/tasks/${taskId}`, leader)).body,
    );
    expect(after.updates).toHaveLength(before.updates.length);
    expect(after.progress).toBe(before.progress);
    expect(await evidenceRows(taskId)).toBe(stored);
  });

  it('audits each change with who made it', async () => {
    const { rows } = await platform.ctx.pool.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE target_kind = 'task' AND target_id = $1 ORDER BY id`,
      [taskId],
    );
    expect(rows).toEqual([
      { action: 'task.create', actor: expect.stringMatching(/^t-admin-/) as unknown },
      { action: 'task.progress', actor: await usernameOf(operator) },
    ]);
  });
});
