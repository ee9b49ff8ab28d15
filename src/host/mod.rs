//! What a host page asks of us and tells us: query strings, embed requests and their notices,
//! pym.js messages, and the host's viewport around a framed story.

pub mod embed;
pub mod messages;
pub mod options;
pub mod query;
pub mod viewport;
