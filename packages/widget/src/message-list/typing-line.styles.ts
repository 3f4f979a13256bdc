import { css } from '../element/css.js';

export const typingLineStyles = css`
  [part~='typing-indicator'] {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 12px;
    color: var(--switchboard-muted, #6b7280);
  }
  [part~='typing-indicator'][hidden] {
    display: none;
  }
  .typing-dots {
    display: inline-flex;
    gap: 3px;
    padding: 10px 12px;
    border-radius: var(--switchboard-bubble-radius, 16px);
    background: var(--switchboard-bubble-background, #f1f5f9);
  }
  .typing-dots span {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: switchboard-typing 1.2s infinite ease-in-out;
  }
  .typing-dots span:nth-child(2) {
    animation-delay: 0.15s;
  }
  .typing-dots span:nth-child(3) {
    animation-delay: 0.3s;
  }
  @keyframes switchboard-typing {
    0%,
    60%,
    100% {
      opacity: 0.3;
      transform: none;
    }
    30% {
      opacity: 1;
      transform: translateY(-3px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .typing-dots span {
      animation: none;
      opacity: 0.6;
    }
  }
`;
