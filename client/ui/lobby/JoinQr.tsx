import { useEffect, useState } from 'preact/hooks';

// The join link as a QR code (qrcode, loaded lazily so it stays out of the first load). The SVG string
// comes from the library, never from user input.

export function joinLink(code: string): string {
  return `${location.origin}/?code=${encodeURIComponent(code)}`;
}

export function JoinQr({ code, size = 180 }: { code: string; size?: number }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let alive = true;
    void import('qrcode')
      .then((QR) => QR.toString(joinLink(code), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((s) => { if (alive) setSvg(s); })
      .catch(() => undefined);
    return () => { alive = false; };
  }, [code]);
  return <div class="qr" role="img" aria-label="QR code of the join link" style={`--qr:${size}px`} dangerouslySetInnerHTML={{ __html: svg }} />;
}
