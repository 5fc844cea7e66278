/** Where an ONVIF device's device service is. */
export interface OnvifAddress {
  host: string;
  port: number;
  path: string;
}

const DEVICE_PATH = '/onvif/device_service';

/**
 * An `onvif` source's mapping key is the camera's ONVIF address — `10.20.1.21`,
 * `10.20.1.21:8080` or `http://10.20.1.21:8080/onvif/device_service` — so that the mapping
 * already stored for every source kind also says where to pull. null: not an address.
 */
export function onvifAddress(key: string): OnvifAddress | null {
  const withScheme = /^[a-z]+:\/\//i.test(key) ? key : `http://${key}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  // HTTPS would need the camera's certificate trusted; not supported yet (docs/cameras.md).
  if (url.protocol !== 'http:' || !url.hostname || url.username || url.search) return null;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 80,
    path: url.pathname === '/' ? DEVICE_PATH : url.pathname,
  };
}
