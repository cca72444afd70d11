import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 font-semibold text-slate-900">
      <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-emerald-600 text-sm font-bold text-white">
        g
      </span>
      Greenroom
    </Link>
  );
}
