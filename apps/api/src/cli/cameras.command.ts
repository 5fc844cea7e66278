import { parseArgs } from 'node:util';
import type { AuditActor } from '@ioc/auth';
import type { CameraService } from '@ioc/cameras';
import { cameraCreateBody, cameraListQuery, DomainError, parseInput } from '@ioc/contracts';
import { cliActor } from '../auth/users.cli';

export const CAMERAS_USAGE = `  cameras add --id ID --name NAME --kind traffic|security|port|flood --lon X --lat Y [--unit CODE]
              [--whep PATH] [--hls PATH] [--snapshot URL] [--tags a,b]
                                            register a camera (same rules as POST /api/v1/cameras; without
                                            --unit it is placed in the unit holding --lon/--lat). Credentials
                                            are set through the API only, never on a command line.
  cameras list [--unit CODE] [--kind KIND]  list cameras (never their credentials)
`;

type Print = (line: string) => void;

/** A number flag as the contract wants it; anything else is left for the schema to refuse. */
function num(v: string | undefined): number | string | undefined {
  return v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

/** `ioc cameras add|list`: the registry's one write path and its audit trail. */
export async function runCamerasCommand(
  action: string,
  args: string[],
  cameras: CameraService<AuditActor>,
  print: Print,
): Promise<number> {
  const { values: v } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      lon: { type: 'string' },
      lat: { type: 'string' },
      unit: { type: 'string' },
      whep: { type: 'string' },
      hls: { type: 'string' },
      snapshot: { type: 'string' },
      tags: { type: 'string' },
    },
    strict: true,
  });
  switch (action) {
    case 'add': {
      const body = parseInput(
        cameraCreateBody,
        {
          id: v.id,
          name: v.name,
          kind: v.kind,
          lon: num(v.lon),
          lat: num(v.lat),
          ...(v.unit !== undefined ? { unitCode: v.unit } : {}),
          ...(v.whep !== undefined ? { whepPath: v.whep } : {}),
          ...(v.hls !== undefined ? { hlsPath: v.hls } : {}),
          ...(v.snapshot !== undefined ? { snapshotUrl: v.snapshot } : {}),
          tags: v.tags?.split(',').filter((t) => t.trim() !== '') ?? [],
        },
        'CAMERA_INVALID',
      );
      const cam = await cameras.create(body, cliActor());
      print(`Đã đăng ký camera / camera registered: ${cam.id} (${cam.kind}) in ${cam.unitCode}`);
      return 0;
    }
    case 'list': {
      const query = parseInput(cameraListQuery, { unit: v.unit, kind: v.kind }, 'QUERY_INVALID');
      const { items } = await cameras.list(query);
      for (const c of items) {
        const streams = [c.whepPath && `whep:${c.whepPath}`, c.hlsPath && `hls:${c.hlsPath}`]
          .filter(Boolean)
          .join(' ');
        print(`${c.id}\t${c.kind}\t${c.unitCode}\t${c.status}\t${c.name}\t${streams}`);
      }
      print(`${items.length} camera(s)`);
      return 0;
    }
    default:
      throw new DomainError('invalid', 'CLI_USAGE', `unknown command cameras ${action}`);
  }
}
