//! Embeds: charts on other sites' pages, mounted by a script embed or filling `embed.html`.

mod mount;
mod page;

pub use mount::mount_chart;
pub use page::embed_page;
