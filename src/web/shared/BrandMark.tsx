// The small building mark beside the system name in the headers.
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="32" height="32" rx="6" fill="#fff" fillOpacity="0.16" />
      <path
        d="M7 11l9-5 9 5zM8 24h16M10 21v-8M16 21v-8M22 21v-8"
        stroke="#fff"
        strokeWidth="2"
        fill="none"
        strokeLinejoin="round"
      />
    </svg>
  );
}
