//! Links the committee shares (join, coordinator and sign-in links): the
//! full address and its QR code.

use super::Ctx;
use crate::domain::views::people::SharedLink;

/// The address people reach this site at: the configured public URL, else
/// the Host the committee used (so links work on the venue's network).
fn base_url(ctx: &Ctx) -> String {
    if let Some(url) = &ctx.state.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = ctx.host.clone().unwrap_or_else(|| ctx.state.leptos_options.site_addr.to_string());
    format!("http://{host}")
}

/// `path` on this site, as a link to share.
pub fn shared(ctx: &Ctx, path: &str) -> SharedLink {
    let url = format!("{}{path}", base_url(ctx));
    let qr_svg = crate::qr::svg(&url).unwrap_or_default();
    SharedLink { url, qr_svg }
}

/// The join link with the meeting's code in it.
pub fn join(ctx: &Ctx, code: &impl std::fmt::Display) -> SharedLink {
    shared(ctx, &format!("/join?code={code}"))
}
