import type { SVGProps } from 'react';

// A small line-icon set (16×16 grid, 1.6 stroke). Icons carry meaning next to colour everywhere status is shown,
// so the UI stays readable for colour-blind analysts and on a washed-out wall display.
const PATHS = {
  inbox: 'M2 9h3.5l1 2h3l1-2H14M3.5 3h9L14 9v4H2V9z',
  users: 'M6 7.5a2.25 2.25 0 1 0 0-4.5 2.25 2.25 0 0 0 0 4.5zM1.5 13.5c0-2.2 2-3.8 4.5-3.8s4.5 1.6 4.5 3.8M10.5 3.2a2.2 2.2 0 0 1 0 4.2M12 9.9c1.5.4 2.5 1.8 2.5 3.6',
  phone: 'M3 2.5h2.5l1.2 3-1.5 1a8 8 0 0 0 3.8 3.8l1-1.5 3 1.2V12.5a1.5 1.5 0 0 1-1.5 1.5A11 11 0 0 1 2 4a1.5 1.5 0 0 1 1-1.5z',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.7 10.7 14 14',
  clock: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 4.5V8l2.5 1.5',
  triangle: 'M8 2 1.5 13.5h13L8 2zM8 6.5v3M8 11.6v.1',
  octagon: 'M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3zM8 4.8v3.7M8 11v.1',
  pause: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM6.5 5.5v5M9.5 5.5v5',
  check: 'M3 8.5 6.5 12 13 4.5',
  checkCircle: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5 8.2l2 2 4-4.4',
  x: 'M4 4l8 8M12 4l-8 8',
  xCircle: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4',
  chevronDown: 'M4 6l4 4 4-4',
  chevronRight: 'M6 4l4 4-4 4',
  chevronUp: 'M4 10l4-4 4 4',
  arrowLeft: 'M13 8H3M7 4 3 8l4 4',
  arrowUp: 'M8 13V3M4 7l4-4 4 4',
  arrowDown: 'M8 3v10M4 9l4 4 4-4',
  plus: 'M8 3v10M3 8h10',
  send: 'M14 2 7 9M14 2l-4.5 12-2.5-5-5-2.5z',
  lock: 'M4 7.5h8v6H4zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5',
  globe: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM1.5 8h13M8 1.5c1.8 1.8 2.7 4 2.7 6.5S9.8 12.7 8 14.5M8 1.5C6.2 3.3 5.3 5.5 5.3 8s.9 4.7 2.7 6.5',
  message: 'M2 3h12v8H6l-3 2.5V11H2z',
  note: 'M3 2h7l3 3v9H3zM10 2v3h3M5.5 8h5M5.5 10.5h3.5',
  code: 'M5.5 4.5 2 8l3.5 3.5M10.5 4.5 14 8l-3.5 3.5M9 3 7 13',
  paperclip: 'M10.5 4.5 5.8 9.2a1.3 1.3 0 0 0 1.8 1.8l5-5a2.6 2.6 0 0 0-3.7-3.7l-5 5a3.9 3.9 0 0 0 5.5 5.5l4.1-4.1',
  image: 'M2 3h12v10H2zM2 11l3.5-3.5 3 3 2-2L14 12M10.5 6.2v.1',
  file: 'M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3',
  copy: 'M5.5 5.5h8v8.5h-8zM3.5 10.5H2V2h8.5v1.5',
  table: 'M2 3h12v10H2zM2 6.5h12M2 10h12M6 3v10',
  archive: 'M2 3h12v3H2zM3 6v7.5h10V6M6.5 8.5h3',
  user: 'M8 7.5a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5zM2.5 14c0-2.8 2.5-4.5 5.5-4.5s5.5 1.7 5.5 4.5',
  hand: 'M5 8V3.5a1 1 0 0 1 2 0V7M7 7V2.5a1 1 0 0 1 2 0V7M9 7V3.5a1 1 0 0 1 2 0V9M11 6.5a1 1 0 0 1 2 0V10a4.5 4.5 0 0 1-4.5 4.5H8a4 4 0 0 1-3.3-1.7L2.6 9.7a1 1 0 0 1 1.6-1.2L5 9.5',
  refresh: 'M13.5 3v3.5H10M2.5 13v-3.5H6M3.2 6a5 5 0 0 1 9.3-1M12.8 10a5 5 0 0 1-9.3 1',
  wifi: 'M1.5 6a9.5 9.5 0 0 1 13 0M3.8 8.5a6 6 0 0 1 8.4 0M6 11a3 3 0 0 1 4 0M8 13.3v.1',
  wifiOff: 'M1.5 1.5l13 13M6 11a3 3 0 0 1 4 0M3.8 8.5a6 6 0 0 1 3-1.6M9.8 7a6 6 0 0 1 2.4 1.5M1.5 6a9.5 9.5 0 0 1 3-2M7 3.6a9.5 9.5 0 0 1 7.5 2.4M8 13.3v.1',
  bell: 'M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 14h3',
  help: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM6.2 6.2a1.9 1.9 0 0 1 3.6.8c0 1.3-1.8 1.6-1.8 2.8M8 11.6v.1',
  command: 'M5.5 5.5h5v5h-5zM5.5 5.5H4a1.5 1.5 0 1 1 1.5-1.5zM10.5 5.5V4A1.5 1.5 0 1 1 12 5.5zM10.5 10.5H12A1.5 1.5 0 1 1 10.5 12zM5.5 10.5V12A1.5 1.5 0 1 1 4 10.5z',
  logout: 'M6 14H3V2h3M10.5 11 14 8l-3.5-3M14 8H6',
  filter: 'M2 3h12L9.5 8.5V13l-3 1.5v-6z',
  layers: 'M8 2 1.5 5.5 8 9l6.5-3.5zM1.5 8.5 8 12l6.5-3.5M1.5 11.5 8 15l6.5-3.5',
  bookmark: 'M4 2h8v12l-4-3-4 3z',
  book: 'M2 3h4.5A1.5 1.5 0 0 1 8 4.5V14a1.5 1.5 0 0 0-1.5-1.5H2zM14 3H9.5A1.5 1.5 0 0 0 8 4.5V14a1.5 1.5 0 0 1 1.5-1.5H14z',
  external: 'M9 2.5h4.5V7M13.5 2.5 7 9M11.5 9.5v4h-9v-9h4',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.7 6.5v4.5M9.3 6.5v4.5',
  flag: 'M3 14.5V2M3 2.5h8.5l-1.5 3 1.5 3H3',
  zap: 'M9 1.5 3 9h4.5L7 14.5 13 7H8.5z',
  escalate: 'M3 13V8.5a3 3 0 0 1 3-3h6.5M9.5 2.5l3 3-3 3',
  returnDown: 'M13 3v4.5a3 3 0 0 1-3 3H3.5M6.5 7.5l-3 3 3 3',
  calendar: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3',
  building: 'M3 14.5V2.5h7v12M10 6h3v8.5M1.5 14.5h13M5 5h2M5 7.5h2M5 10h2',
  tag: 'M2 2h6l6 6-6 6-6-6zM5 5v.1',
  more: 'M3.5 8v.1M8 8v.1M12.5 8v.1',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  pencil: 'M10.5 2.5l3 3L6 13H3v-3z',
  money: 'M8 1.5v13M11 4H6.8a2 2 0 0 0 0 4h2.4a2 2 0 0 1 0 4H5',
  graduation: 'M8 3 1 6.5 8 10l7-3.5zM4 8v3.5c1 1 2.5 1.5 4 1.5s3-.5 4-1.5V8M15 6.5v4',
  package: 'M8 1.5 14 4.5v7L8 14.5 2 11.5v-7zM2 4.5l6 3 6-3M8 7.5v7',
  circle: 'M8 14a6 6 0 1 0 0-12 6 6 0 0 0 0 12z',
  dot: 'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  reopen: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5V6H6',
  ban: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM3.4 3.4l9.2 9.2',
  keyboard: 'M1.5 4h13v8h-13zM4 6.5v.1M6.5 6.5v.1M9 6.5v.1M11.5 6.5v.1M4.5 9.5h7',
  sparkle: 'M8 1.5l1.5 4.5 4.5 1.5-4.5 1.5L8 13.5 6.5 9 2 7.5 6.5 6z',
  signal: 'M2.5 13v-2M6 13V9M9.5 13V6.5M13 13V4',
  mail: 'M1.5 3.5h13v9h-13zM1.5 4l6.5 5 6.5-5',
  history: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5V6H6M8 5v3.5l2 1.2',
  grip: 'M6 4v.1M10 4v.1M6 8v.1M10 8v.1M6 12v.1M10 12v.1',
} as const;

export type IconName = keyof typeof PATHS;

export const Icon = ({ name, size = 16, title, ...rest }: { name: IconName; size?: number; title?: string } & SVGProps<SVGSVGElement>) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.6}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden={title === undefined ? true : undefined}
    role={title === undefined ? undefined : 'img'}
    {...rest}
  >
    {title === undefined ? null : <title>{title}</title>}
    <path d={PATHS[name]} />
  </svg>
);
