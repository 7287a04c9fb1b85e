//! stub
use super::Ctx;
/// stub
pub fn main(_: &mut Ctx, _: &[String]) -> i32 { 0 }
