/**
 * How to join: the address, the class's join code and its QR code. Large before the race starts (it is
 * what the room needs then); a compact strip during the race for latecomers; gone once it has ended.
 */
export function JoinPanel({
  code,
  joinUrl,
  qrSvg,
  size,
}: {
  code: string;
  joinUrl: string;
  qrSvg: string;
  size: "large" | "compact";
}) {
  return (
    <section className={`ml-projector-join ml-projector-join-${size}`} aria-label="Join the challenge">
      <div
        className="ml-projector-qr"
        role="img"
        aria-label={`QR code for ${joinUrl}`}
        // The SVG is generated on the server from our own join URL (uqr), not from user input.
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <div className="ml-projector-join-text">
        <p className="ml-projector-join-lead">{size === "large" ? "Join at" : "Late? Join at"}</p>
        <p className="ml-projector-join-url">
          {joinUrl.replace(/^https?:\/\//, "").replace(/\/\?code=.*$/, "")}
        </p>
        <p className="ml-projector-join-lead">with the code</p>
        <p className="ml-projector-join-code">{code}</p>
      </div>
    </section>
  );
}
