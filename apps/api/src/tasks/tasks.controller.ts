import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  parseInput,
  taskCancelBody,
  taskCreateBody,
  taskEvidenceParams,
  taskIdParams,
  taskListQuery,
  taskPatchBody,
} from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { TaskProgressService, TaskService } from '@ioc/tasks';
import { Access, unitOfNamed, type UnitSource } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';
import { readProgressForm } from './progress-form';

/** The lead unit of the task named in the path (404 is left to the handler). */
const taskUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.taskUnit((req.params as { id?: string }).id ?? ''),
};

/** Plan tasks: lists and detail for readers, edits for planners, progress for the units' staff. */
@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    @Inject(TaskService) private readonly tasks: TaskService<AuditActor>,
    @Inject(TaskProgressService) private readonly progress: TaskProgressService<AuditActor>,
  ) {}

  @Get()
  @Access({
    action: 'read',
    unit: [{ from: 'query', name: 'unit' }, unitOfNamed('office', 'query', 'office')],
  })
  list(@Query() query: unknown) {
    return this.tasks.list(parseInput(taskListQuery, query, 'QUERY_INVALID'));
  }

  @Get(':id')
  @Access({ action: 'read', unit: taskUnit })
  get(@Param() params: unknown) {
    return this.tasks.get(parseInput(taskIdParams, params).id);
  }

  @Post()
  @Access({
    action: 'tasks.plan',
    // The plan it belongs to (areaCode) and its lead office are the planner's to name too.
    unit: [
      { from: 'body', name: 'leadUnitCode' },
      { from: 'body', name: 'areaCode' },
      unitOfNamed('office', 'body', 'leadOfficeId'),
    ],
  })
  create(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.tasks.create(parseInput(taskCreateBody, body, 'TASK_INVALID'), auditActor(req));
  }

  @Patch(':id')
  @Access({ action: 'tasks.plan', unit: [taskUnit, unitOfNamed('office', 'body', 'leadOfficeId')] })
  patch(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(taskIdParams, params);
    return this.tasks.patch(id, parseInput(taskPatchBody, body, 'TASK_INVALID'), auditActor(req));
  }

  @Post(':id/cancel')
  @Access({ action: 'tasks.plan', unit: taskUnit })
  @HttpCode(200)
  cancel(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(taskIdParams, params);
    const { reason } = parseInput(taskCancelBody, body, 'TASK_CANCEL_INVALID');
    return this.tasks.cancel(id, reason, auditActor(req));
  }

  /** multipart/form-data (progress, status, note, evidence files) or JSON without files. */
  @Post(':id/progress')
  @Access({ action: 'tasks.work', unit: taskUnit })
  async postProgress(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(taskIdParams, params);
    const { fields, files } = await readProgressForm(req, body);
    return this.progress.postProgress(id, fields, files, auditActor(req));
  }

  /** The file as stored, under its own type; never rendered inline (it came from a user). */
  @Get(':id/evidence/:evidenceId')
  @Access({ action: 'read', unit: taskUnit })
  async evidence(@Param() params: unknown, @Res() reply: FastifyReply) {
    const { id, evidenceId } = parseInput(taskEvidenceParams, params);
    const file = await this.progress.evidence(id, evidenceId);
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.data.length))
      .header(
        'content-disposition',
        `attachment; filename="evidence-${evidenceId}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .header('cache-control', 'private, no-store')
      .send(file.data);
  }
}
