// Vite turns `?url` imports into the emitted asset's public URL (used for the MapLibre worker).
declare module '*?url' {
  const url: string;
  export default url;
}
