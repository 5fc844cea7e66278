import {
  SCENE_KINDS,
  parseInput,
  screenReportBodySchema,
  type SceneKind,
  type WallScreenView,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { screenOnline } from './screen-status';
import { WallScreenRepository, type StoredScreen } from './wall-screen.repository';

/** The display token a screen authenticated with (the access gate resolved it). */
export interface ReportingScreen {
  tokenId: string;
  tokenName: string;
}

export interface WallScreenDeps {
  /** A unit's name for the list (the cached unit tree); null for a code it does not know. */
  unitName(code: string): Promise<string | null>;
  /** "Now" of last-seen and of the online check; default the system clock. */
  clock?: () => Date;
}

/**
 * Which wall screen shows which tile and scene. Screens report in with their display token
 * (only screens: a person's preview is not a screen); admins list them, online while heard
 * within the threshold. Reports are small upserts, one per screen every 30 s.
 */
export class WallScreenService {
  private readonly repo: WallScreenRepository;
  private readonly clock: () => Date;

  constructor(
    db: Queryable,
    private readonly deps: WallScreenDeps,
  ) {
    this.repo = new WallScreenRepository(db);
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * Checks the body (every problem in one 400) and records it as the screen's latest. `screen`
   * null: the caller is not a screen (a person's preview); checked the same, recorded nowhere.
   */
  async report(screen: ReportingScreen | null, body: unknown): Promise<boolean> {
    const r = parseInput(screenReportBodySchema, body, 'SCREEN_REPORT_INVALID');
    if (screen === null) return false;
    await this.repo.upsert(
      {
        tokenId: screen.tokenId,
        tokenName: screen.tokenName,
        unitCode: r.unit,
        tiles: r.tiles,
        tile: r.tile,
        sceneId: r.sceneId,
        sceneKind: r.sceneKind,
        viewport: r.viewport,
        kiosk: r.kiosk,
        build: r.build,
      },
      this.clock(),
    );
    return true;
  }

  async list(): Promise<WallScreenView[]> {
    const now = this.clock();
    const stored = await this.repo.list();
    return Promise.all(stored.map(async (s) => this.view(s, now)));
  }

  private async view(s: StoredScreen, now: Date): Promise<WallScreenView> {
    return {
      tokenId: s.tokenId,
      tokenName: s.tokenName,
      unitCode: s.unitCode,
      unitName: await this.deps.unitName(s.unitCode),
      tiles: s.tiles,
      tile: s.tile,
      sceneId: s.sceneId,
      // Written through the contract's enum; a row with a kind since retired reads as none.
      sceneKind: sceneKindOf(s.sceneKind),
      viewport: s.viewport,
      kiosk: s.kiosk,
      build: s.build,
      firstSeenAt: s.firstSeenAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      online: screenOnline(s.lastSeenAt, now),
    };
  }
}

function sceneKindOf(kind: string | null): SceneKind | null {
  return SCENE_KINDS.find((k) => k === kind) ?? null;
}
