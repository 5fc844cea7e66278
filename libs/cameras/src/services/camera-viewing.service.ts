import {
  DomainError,
  type AuditSink,
  type CameraViewGrant,
  type MediaAuthRequest,
} from '@ioc/contracts';
import type { MediaPublisher, MediaServerUrls } from '../ports';
import type { CameraRepository } from '../repo/camera.repository';
import { decideMediaAuth, type MediaAuthDecision } from '../view/media-auth';
import { ViewTokens } from '../view/view-token';

export interface CameraViewingDeps<A> {
  repo: CameraRepository;
  /** The signing secret: CAMERA_TOKEN_SECRET, or the key kept in camera_token_key. */
  secret: string;
  media: MediaServerUrls;
  ttlSeconds: number;
  publisher?: MediaPublisher | undefined;
  audit: AuditSink<A>;
  now?: () => Date;
}

/** `{base}/{path}/{file}?token=` with each path segment escaped. */
function mediaUrl(base: string, path: string, file: string, token: string): string {
  const segments = path.split('/').map(encodeURIComponent).join('/');
  return `${base}/${segments}/${file}?token=${encodeURIComponent(token)}`;
}

/**
 * Viewing a camera: issues the short-lived token and browser URLs (the caller's scope is checked
 * before, by the access gate on the camera's unit), and answers the media server's auth hook.
 */
export class CameraViewingService<A> {
  private readonly tokens: ViewTokens;
  private readonly now: () => Date;

  constructor(private readonly deps: CameraViewingDeps<A>) {
    this.tokens = new ViewTokens(deps.secret);
    this.now = deps.now ?? (() => new Date());
  }

  async grant(id: string, actor: A): Promise<CameraViewGrant> {
    const cam = await this.deps.repo.get(id);
    if (!cam) {
      throw new DomainError(
        'not_found',
        'CAMERA_NOT_FOUND',
        `Không có camera ${id} · No camera ${id}`,
      );
    }
    const { whepUrl, hlsUrl } = this.deps.media;
    if (!whepUrl && !hlsUrl && !cam.snapshotUrl) {
      throw new DomainError(
        'unavailable',
        'MEDIA_SERVER_NOT_CONFIGURED',
        'Chưa cấu hình máy chủ media (MEDIA_WHEP_URL, MEDIA_HLS_URL) · No media server configured',
      );
    }
    const expiresAt = new Date(this.now().getTime() + this.deps.ttlSeconds * 1000);
    const paths = [cam.whepPath, cam.hlsPath].filter((p): p is string => p !== null);
    const token = this.tokens.issue({ cameraId: id, paths: [...new Set(paths)], expiresAt });
    // Who watched which camera, when; never the token itself.
    await this.deps.audit.record(actor, {
      action: 'camera.view',
      targetKind: 'camera',
      targetId: id,
      unitCode: cam.unitCode,
      detail: { expiresAt: expiresAt.toISOString() },
    });
    return {
      cameraId: id,
      token,
      expiresAt: expiresAt.toISOString(),
      whepUrl: whepUrl && cam.whepPath ? mediaUrl(whepUrl, cam.whepPath, 'whep', token) : null,
      hlsUrl: hlsUrl && cam.hlsPath ? mediaUrl(hlsUrl, cam.hlsPath, 'index.m3u8', token) : null,
      snapshotUrl: cam.snapshotUrl,
    };
  }

  /** The media server's question (MediaMTX `authMethod: http`). */
  authorizeMedia(req: MediaAuthRequest): Promise<MediaAuthDecision> {
    return decideMediaAuth(req, {
      tokens: this.tokens,
      pathsOf: (cameraId) => this.deps.repo.pathsOf(cameraId),
      publisher: this.deps.publisher,
      now: this.now,
    });
  }
}
