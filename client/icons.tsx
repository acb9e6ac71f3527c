import type { ReactNode } from 'react';

/** Small inline line icons (emoji fonts are not everywhere), drawn in the text colour and hidden from screen readers. */
function Icon({ size, strokeWidth, className, children }: { size: number; strokeWidth: number; className?: string; children: ReactNode }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function BubbleIcon({ size = 14 }: { size?: number }) {
  return (
    <Icon size={size} strokeWidth={2.2} className="comment-icon">
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.6A8 8 0 1 1 21 12Z" />
    </Icon>
  );
}

export function LockIcon({ size = 11, strokeWidth = 2.6, className = 'comment-icon' }: { size?: number; strokeWidth?: number; className?: string }) {
  return (
    <Icon size={size} strokeWidth={strokeWidth} className={className}>
      <rect x="4" y="10.5" width="16" height="10.5" rx="2" />
      <path d="M8 10.5V7a4 4 0 0 1 8 0v3.5" />
    </Icon>
  );
}
