import { parseArgs } from 'node:util';
import type { ActiveArchive, BasemapService } from '@ioc/basemap';
import { DomainError } from '@ioc/contracts';
import { cliActor } from '../auth/users.cli';
import type { AuditActor } from '@ioc/auth';

export const BASEMAP_USAGE = `  basemap import <file.pmtiles>             check a PMTiles v3 archive (tile type, zooms, bounds over the
                                            province) and make it the street basemap the API serves
  basemap status                            the active archive: size, tile type, zooms, bounds
  basemap remove                            stop serving the archive (maps go back to the offline style)
`;

type Print = (line: string) => void;

function mib(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MiB`;
}

function describe(a: ActiveArchive, print: Print): void {
  print(`  id:        ${a.id} (sha256 ${a.sha256})`);
  print(`  tệp/file:  ${a.sourceName}, ${mib(a.sizeBytes)} (${a.sizeBytes} bytes)`);
  print(`  loại/type: ${a.tileType}, zoom ${a.minZoom}–${a.maxZoom}`);
  print(`  bounds:    ${a.bounds.join(', ')}`);
  print(`  nhập/imported: ${a.importedAt} by ${a.importedBy}`);
}

/** `ioc basemap import|status|remove`: the lib's one write path and its audit trail. */
export async function runBasemapCommand(
  action: string,
  args: string[],
  basemap: BasemapService<AuditActor>,
  print: Print,
): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  switch (action) {
    case 'import': {
      const [file, ...extra] = positionals;
      if (file === undefined || extra.length > 0)
        throw new DomainError(
          'invalid',
          'CLI_USAGE',
          'cần đúng một tệp .pmtiles. / Give exactly one .pmtiles file.',
        );
      const a = await basemap.import(file, cliActor());
      print('Đã nhập bản đồ nền / basemap imported:');
      describe(a, print);
      print('Bản đồ dùng nó từ lần tải trang tiếp theo. / Maps use it from their next page load.');
      return 0;
    }
    case 'status': {
      const a = await basemap.status();
      if (!a) {
        print(
          'Chưa nhập bản đồ nền (dùng kiểu ngoại tuyến). / No basemap imported (offline style).',
        );
        return 0;
      }
      print('Bản đồ nền đang dùng / active basemap:');
      describe(a, print);
      if (a.fileMissing)
        print('  CẢNH BÁO: thiếu tệp trong DATA_DIR/basemap. / WARNING: its file is missing.');
      return 0;
    }
    case 'remove': {
      const id = await basemap.remove(cliActor());
      print(`Đã gỡ bản đồ nền ${id}. / Basemap ${id} removed.`);
      return 0;
    }
    default:
      throw new DomainError('invalid', 'CLI_USAGE', `unknown command basemap ${action}`);
  }
}
