import type { Queryable } from '@ioc/db';

/** A camera's stored login, as a server-side client of the camera (ONVIF events) uses it. */
export interface StoredCameraLogin {
  username: string;
  password: string;
}

/**
 * The one read of `camera_credential`'s values. Credentials are write-only to every route
 * (CameraRepository never selects them); this exists for processes that must log in to the
 * camera themselves — composition hands it to the ONVIF event puller and to nothing on a
 * route. null: no credential, or one without a username or password.
 */
export class CameraCredentialReader {
  constructor(private readonly db: Queryable) {}

  async login(cameraId: string): Promise<StoredCameraLogin | null> {
    const { rows } = await this.db.query<{ username: string | null; password: string | null }>(
      'SELECT username, password FROM camera_credential WHERE camera_id = $1',
      [cameraId],
    );
    const r = rows[0];
    if (!r?.username || r.password === null) return null;
    return { username: r.username, password: r.password };
  }
}
