// Daybook renders entirely on the device: no server rendering, one fallback page for every route.
export const ssr = false;
export const prerender = false;
